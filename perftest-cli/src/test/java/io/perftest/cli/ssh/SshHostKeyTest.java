package io.perftest.cli.ssh;

import io.perftest.host.HostException;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Host key verification and key authentication of {@link SshHost}, against a real SSH server. */
public class SshHostKeyTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(30);

    private TestSshServer server;

    @Before
    public void startServer() throws Exception {
        server = TestSshServer.start(tmp.newFolder("keys").toPath(), tmp.newFolder("remote-tmp").toPath());
    }

    @After
    public void stopServer() throws Exception {
        server.close();
    }

    @Test
    public void shouldConnectWhenTheHostKeyIsInKnownHosts() throws Exception {
        Path knownHosts = tmp.getRoot().toPath().resolve("known_hosts");
        Files.writeString(knownHosts, "# perftest test\n" + server.knownHostsLine() + "\n");

        try (SshHost host = new SshHost(server.target("stats1", knownHosts))) {
            host.checkReachable();
            assertTrue(host.hasCommand("sh"));
        }
    }

    @Test
    public void shouldRefuseAnUnknownHostKeyAndSayHowToAddIt() throws Exception {
        Path knownHosts = tmp.getRoot().toPath().resolve("known_hosts");
        Files.writeString(knownHosts, "");

        try (SshHost host = new SshHost(server.target("stats1", knownHosts))) {
            host.checkReachable();
            fail("connected to a host whose key is not known");
        } catch (HostException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("stats1: the host key of perftest@127.0.0.1:" + server.port()));
            assertTrue(e.getMessage(), e.getMessage().contains("SHA256:"));
            assertTrue(e.getMessage(), e.getMessage().contains("is not in " + knownHosts));
            assertTrue(e.getMessage(), e.getMessage().contains("ssh-keyscan -p " + server.port() + " 127.0.0.1"));
        }
    }

    @Test
    public void shouldRefuseAHostKeyWhenThereIsNoKnownHostsFile() throws Exception {
        Path knownHosts = tmp.getRoot().toPath().resolve("absent/known_hosts");

        try (SshHost host = new SshHost(server.target("stats1", knownHosts))) {
            host.checkReachable();
            fail("connected without a known hosts file");
        } catch (HostException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("is not in " + knownHosts));
        }
        assertTrue("perftest wrote a known hosts file", Files.notExists(knownHosts));
    }

    @Test
    public void shouldRefuseAChangedHostKey() throws Exception {
        Path otherKeys = tmp.newFolder("other").toPath();
        String otherLine;
        try (TestSshServer other = TestSshServer.start(otherKeys, otherKeys)) {
            otherLine = other.knownHostsLine().replace(":" + other.port() + " ", ":" + server.port() + " ");
        }
        Path knownHosts = tmp.getRoot().toPath().resolve("known_hosts");
        Files.writeString(knownHosts, otherLine + "\n");

        try (SshHost host = new SshHost(server.target("stats1", knownHosts))) {
            host.checkReachable();
            fail("connected to a host whose key changed");
        } catch (HostException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("has CHANGED"));
        }
    }

    @Test
    public void shouldAcceptAnyHostKeyOnlyWhenInsecure() throws Exception {
        try (SshHost host = new SshHost(server.insecureTarget("stats1"))) {
            host.checkReachable();
        }
    }

    @Test
    public void shouldSayWhenTheKeyIsNotAuthorized() throws Exception {
        Path otherKeys = tmp.newFolder("stranger").toPath();
        Path strangerIdentity;
        try (TestSshServer other = TestSshServer.start(otherKeys, otherKeys)) {
            strangerIdentity = other.identity();
        }

        try (SshHost host = new SshHost(server.insecureTarget("stats1").withIdentity(strangerIdentity))) {
            host.checkReachable();
            fail("logged in with a key the server does not know");
        } catch (HostException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("stats1: cannot log in to perftest@127.0.0.1:" + server.port()));
        }
    }

    @Test
    public void shouldReadAnEd25519KeyWrittenBySshKeygen() throws Exception {
        org.junit.Assume.assumeTrue("ssh-keygen is not installed", Files.isExecutable(Path.of("/usr/bin/ssh-keygen")));
        Path key = tmp.getRoot().toPath().resolve("id_ed25519");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));

        try (SshHost host = new SshHost(server.insecureTarget("stats1").withIdentity(key))) {
            host.checkReachable();
            fail("the test server only knows its own key");
        } catch (HostException e) {
            // read, offered and refused: the message is about logging in, not about reading the key
            assertTrue(e.getMessage(), e.getMessage().startsWith("stats1: cannot log in to "));
        }
    }

    @Test
    public void shouldSayAnEncryptedKeyCannotBeUsed() throws Exception {
        org.junit.Assume.assumeTrue("ssh-keygen is not installed", Files.isExecutable(Path.of("/usr/bin/ssh-keygen")));
        Path key = tmp.getRoot().toPath().resolve("id_ed25519_secret");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "a passphrase", "-f", key.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));

        try (SshHost host = new SshHost(server.insecureTarget("stats1").withIdentity(key))) {
            host.checkReachable();
            fail("used an encrypted key without its passphrase");
        } catch (HostException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("stats1: cannot read the identity " + key));
            assertTrue(e.getMessage(), e.getMessage().contains("passphrase"));
        }
    }
}
