package io.perftest.cli.ssh;

import io.perftest.config.ConfigLoader;
import io.perftest.config.YamlNode;
import io.perftest.config.YamlReader;
import io.perftest.host.Host;
import io.perftest.model.ConfigException;
import io.perftest.model.Framework;
import io.perftest.model.Origin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statistics hosts of a run on the command line: the SSH hosts that {@code framework.yaml}'s
 * {@code statsHosts} names, looked up in {@code hosts.yaml} (beside {@code framework.yaml}, or
 * the file of {@code --hosts}). A name that is not there is a configuration error naming
 * framework.yaml's line. Nothing connects until the run's setup; {@link #close()} disconnects.
 */
public final class StatsHosts implements AutoCloseable {

    private final List<Host> hosts;

    private StatsHosts(List<Host> hosts) {
        this.hosts = List.copyOf(hosts);
    }

    /** No statistics hosts. */
    public static StatsHosts none() {
        return new StatsHosts(List.of());
    }

    /**
     * Resolves the statistics hosts of {@code framework}.
     *
     * @param hostsFile         the file of {@code --hosts}, or null for {@code hosts.yaml} beside framework.yaml
     * @param executionHostName the execution host's name, which a statistics host must not share
     */
    public static StatsHosts of(Framework framework, Path hostsFile, String executionHostName) {
        List<String> names = framework.statsHosts();
        Path frameworkFile = framework.directory().resolve(ConfigLoader.FRAMEWORK_FILE);
        if (names.isEmpty()) {
            if (hostsFile != null) {
                HostsFile.load(hostsFile); // checked, so that a mistake in it shows now, not when it is first used
            }
            return none();
        }
        Path file = hostsFile != null ? hostsFile : framework.directory().resolve(HostsFile.FILE);
        if (hostsFile == null && !Files.isRegularFile(file)) {
            throw new ConfigException(origin(frameworkFile, names.get(0)), "statistics host '" + names.get(0)
                    + "' needs " + HostsFile.FILE + ", and " + file + " does not exist; create it (see docs/hosts.md) or pass --hosts FILE");
        }
        HostsFile defined = HostsFile.load(file);
        List<Host> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            Origin at = origin(frameworkFile, name);
            if (!seen.add(name)) {
                throw new ConfigException(at, "statistics host '" + name + "' is listed twice in statsHosts");
            }
            if (name.equals(executionHostName)) {
                throw new ConfigException(at, "statistics host '" + name + "' has the name of the execution host;"
                        + " give it another name in " + defined.file());
            }
            SshTarget target = defined.host(name).orElseThrow(() -> new ConfigException(at, "statistics host '" + name
                    + "' is not defined in " + defined.file() + " (it defines: "
                    + (defined.hosts().isEmpty() ? "no host" : String.join(", ", defined.hosts().keySet()))
                    + "); add it under 'hosts:' or fix the name"));
            out.add(new SshHost(target));
        }
        return new StatsHosts(out);
    }

    /** Where {@code statsHosts} names {@code name} in framework.yaml (the file itself if it cannot tell). */
    static Origin origin(Path frameworkFile, String name) {
        try {
            if (YamlReader.read(frameworkFile) instanceof YamlNode.Mapping m) {
                YamlNode list = m.entries().get("statsHosts");
                if (list instanceof YamlNode.Sequence s) {
                    for (YamlNode item : s.items()) {
                        if (item instanceof YamlNode.Scalar sc && name.equals(sc.text())) {
                            return item.origin();
                        }
                    }
                }
                if (list != null) {
                    return list.origin();
                }
            }
        } catch (ConfigException e) {
            // framework.yaml was read once already; if it cannot be read again, name the file alone
        }
        return Origin.of(frameworkFile.toString());
    }

    /** The hosts, in the order of {@code statsHosts}. */
    public List<Host> hosts() {
        return hosts;
    }

    /** Disconnects every host; failures to disconnect are ignored (the run is over). */
    @Override
    public void close() {
        for (Host h : hosts) {
            try {
                h.close();
            } catch (IOException | RuntimeException e) {
                // a host that cannot say goodbye is gone anyway
            }
        }
    }
}
