package io.perftest.cli.ssh;

import io.perftest.model.ConfigException;
import org.junit.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Reading {@code hosts.yaml}: values, defaults, and errors that name the file, line and key. */
public class HostsFileTest {

    private static final Path DIR = Path.of("src/test/resources/io/perftest/cli/ssh/hosts").toAbsolutePath();

    @Test
    public void shouldReadHostsWithTheirDefaults() {
        HostsFile file = HostsFile.load(DIR.resolve("valid.yaml"));

        assertEquals(java.util.List.of("stats1", "stats2", "stats3"), java.util.List.copyOf(file.hosts().keySet()));
        SshTarget s1 = file.host("stats1").orElseThrow();
        assertEquals("db1.example.com", s1.host());
        assertEquals(2222, s1.port());
        assertEquals("perf", s1.user());
        assertTrue(s1.insecure());
        assertEquals(Duration.ofSeconds(3), s1.connectTimeout());
        assertEquals(DIR.resolve("valid.yaml") + ":3:3", s1.origin().toString());
        SshTarget s2 = file.host("stats2").orElseThrow();
        assertEquals("fe80::1", s2.host());
        assertEquals(22, s2.port());
        assertEquals(System.getProperty("user.name"), s2.user());
        assertNull(s2.identity());
        assertFalse(s2.insecure());
        assertEquals(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), s2.knownHosts());
        assertEquals("perf@db1.example.com:2222", s1.address());
        assertTrue(s2.address(), s2.address().endsWith("@[fe80::1]:22"));
        assertEquals(DIR.resolve("known_hosts"), file.host("stats3").orElseThrow().knownHosts());
    }

    @Test
    public void shouldRejectAnUnknownKeyWithFileAndLine() {
        assertError("unknown-key.yaml", ":4:", "unknown key 'pasword' in host 'stats1'");
    }

    @Test
    public void shouldRejectAHostWithoutAddressWithFileAndLine() {
        assertError("missing-address.yaml", ":2:", "missing required key 'address' in host 'stats1'");
    }

    @Test
    public void shouldRejectABadPortWithFileAndLine() {
        assertError("bad-port.yaml", ":3:", "bad port 99999");
    }

    @Test
    public void shouldRejectAnInsecureFlagThatIsNotABooleanWithFileAndLine() {
        assertError("bad-insecure.yaml", ":4:", "'insecure' must be true or false");
    }

    @Test
    public void shouldRejectAnIdentityFileThatIsNotThereWithFileAndLine() {
        assertError("missing-identity.yaml", ":4:", "identity file " + DIR.resolve("keys/absent_ed25519") + " of host 'stats1' not found");
    }

    @Test
    public void shouldRejectAHostNameThatIsNotADirectoryNameWithFileAndLine() {
        assertError("bad-name.yaml", ":2:", "host name '../escape' must start with a letter or digit");
    }

    @Test
    public void shouldRejectHostsThatAreNotAMapWithFileAndLine() {
        assertError("not-a-map.yaml", ":2:", "'hosts' must be a map");
    }

    @Test
    public void shouldSayWhenTheFileIsNotThere() {
        assertError("absent.yaml", "", "file not found");
    }

    private static void assertError(String file, String location, String message) {
        try {
            HostsFile.load(DIR.resolve(file));
            fail("no error for " + file);
        } catch (ConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(DIR.resolve(file) + location));
            assertTrue(e.getMessage(), e.getMessage().contains(message));
        }
    }
}
