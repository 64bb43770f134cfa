package io.jenkins.plugins.perftest;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.perftest.host.LocalHost;
import io.perftest.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the raw data ({@code hosts/} and {@code raw.tar.gz}) of the last N builds of a test and
 * removes it from older ones; their summary, record and console log stay, so trends are kept.
 */
final class RawDataRetention {

    private RawDataRetention() {
    }

    /** @param keep how many of the latest builds keep raw data; 0 keeps all */
    static void apply(Run<?, ?> current, String runSubpath, int keep, TaskListener listener) {
        if (keep <= 0) {
            return;
        }
        int kept = 0;
        for (Run<?, ?> r = current; r != null; r = r.getPreviousBuild()) {
            Path dir = r.getRootDir().toPath().resolve(runSubpath);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            if (kept++ < keep) {
                continue;
            }
            Path hosts = dir.resolve(RunDirectory.HOSTS);
            Path archive = dir.resolve(RunDirectory.ARCHIVE);
            if (!Files.exists(hosts) && !Files.exists(archive)) {
                break; // older builds were trimmed before
            }
            try {
                LocalHost.deleteTree(hosts);
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                listener.getLogger().println(Messages.RawDataRetention_Failed(r.getDisplayName(), e.getMessage()));
            }
        }
    }
}
