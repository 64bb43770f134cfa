package io.perftest.cli.ssh;

import io.perftest.config.ConfigLoader;
import io.perftest.model.ConfigException;
import io.perftest.model.Framework;
import org.junit.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Resolving framework.yaml's {@code statsHosts} against hosts.yaml. */
public class StatsHostsTest {

    private static final Path DIR = Path.of("src/test/resources/io/perftest/cli/ssh").toAbsolutePath();

    @Test
    public void shouldRejectAStatsHostMissingFromHostsYamlNamingTheFrameworkLine() {
        Framework fw = new ConfigLoader().loadFramework(DIR.resolve("framework-with-stats"));

        try {
            StatsHosts.of(fw, null, "exec-host");
            fail("accepted a statistics host that hosts.yaml does not define");
        } catch (ConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(DIR.resolve("framework-with-stats/framework.yaml") + ":5:"));
            assertTrue(e.getMessage(), e.getMessage().contains("statistics host 'stats9' is not defined in "
                    + DIR.resolve("framework-with-stats/hosts.yaml") + " (it defines: stats1)"));
        }
    }

    @Test
    public void shouldSayHostsYamlIsMissingNamingTheFrameworkLine() {
        Framework fw = new ConfigLoader().loadFramework(DIR.resolve("framework-without-hosts-file"));

        try {
            StatsHosts.of(fw, null, "exec-host");
            fail("accepted statistics hosts without hosts.yaml");
        } catch (ConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(DIR.resolve("framework-without-hosts-file/framework.yaml") + ":3:"));
            assertTrue(e.getMessage(), e.getMessage().contains("or pass --hosts FILE"));
        }
    }

    @Test
    public void shouldRejectAStatsHostNamedLikeTheExecutionHost() {
        Framework fw = new ConfigLoader().loadFramework(DIR.resolve("framework-with-stats"));

        try {
            StatsHosts.of(fw, null, "stats1");
            fail("accepted a statistics host with the execution host's name");
        } catch (ConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(DIR.resolve("framework-with-stats/framework.yaml") + ":4:"));
            assertTrue(e.getMessage(), e.getMessage().contains("has the name of the execution host"));
        }
    }

    @Test
    public void shouldUseTheHostsFileGivenOnTheCommandLine() {
        Framework fw = new ConfigLoader().loadFramework(DIR.resolve("framework-without-hosts-file"));

        try (StatsHosts hosts = StatsHosts.of(fw, DIR.resolve("hosts/valid.yaml"), "exec-host")) {
            assertEquals(List.of("stats1"), hosts.hosts().stream().map(h -> h.name()).toList());
            assertEquals("perf@db1.example.com:2222", ((SshHost) hosts.hosts().get(0)).target().address());
        }
    }

    @Test
    public void shouldHaveNoStatsHostsWhenTheFrameworkNamesNone() {
        Framework fw = Framework.builder("plain").directory(DIR).script(DIR.resolve("framework-with-stats/run.sh")).build();

        try (StatsHosts hosts = StatsHosts.of(fw, null, "exec-host")) {
            assertEquals(List.of(), hosts.hosts());
        }
    }
}
