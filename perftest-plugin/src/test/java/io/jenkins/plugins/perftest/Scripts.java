package io.jenkins.plugins.perftest;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.rules.TemporaryFolder;

/** Execution scripts the plugin's tests run for real. */
final class Scripts {

    private Scripts() {
    }

    /** An executable {@code /bin/sh} script with {@code body}; its absolute path. */
    static String write(TemporaryFolder tmp, String name, String body) throws Exception {
        File f = tmp.newFile(name);
        Files.writeString(f.toPath(), "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        assertTrue(f.setExecutable(true));
        return f.getAbsolutePath();
    }

    /** A script that reports its first argument as {@code results.throughput}. */
    static String reporting(TemporaryFolder tmp) throws Exception {
        return write(tmp, "run.sh", "printf 'throughput,%s\\n' \"$1\" > \"$PERFTEST_RESULTS_DIR/results.csv\"");
    }
}
