package io.perftest.cli.ssh;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * A real SSH server on 127.0.0.1 (random port) in the test JVM that runs each command as
 * OpenSSH does, {@code /bin/sh -c COMMAND} on this machine, so the "remote" host is this one.
 * (SSHD's own {@code ProcessShellCommandFactory} splits the command at spaces instead of handing
 * it to a shell, which is not what a real server does.) Logs in one user by a key generated here
 * and written as an OpenSSH private key file. {@code TMPDIR} of the commands is {@code tmpDir}.
 */
final class TestSshServer implements AutoCloseable {

    private final SshServer server;
    private final Path identity;
    private final PublicKey hostKey;

    private TestSshServer(SshServer server, Path identity, PublicKey hostKey) {
        this.server = server;
        this.identity = identity;
        this.hostKey = hostKey;
    }

    /** Starts a server; the client key goes to {@code dir/id_ecdsa}, commands get {@code TMPDIR=tmpDir}. */
    static TestSshServer start(Path dir, Path tmpDir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair user = generator.generateKeyPair();
        Path identity = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(identity)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(user, "perftest-test", null, out);
        }
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider();
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        server.setKeyPairProvider(hostKeys);
        server.setPublickeyAuthenticator((username, key, session) -> KeyUtils.compareKeys(key, user.getPublic()));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        String tmp = tmpDir.toString();
        server.setCommandFactory((channel, command) ->
                new ProcessShellFactory(command, "/usr/bin/env", "TMPDIR=" + tmp, "/bin/sh", "-c", command).createShell(channel));
        server.start();
        PublicKey hostKey = hostKeys.loadKeys(null).iterator().next().getPublic();
        return new TestSshServer(server, identity, hostKey);
    }

    int port() {
        return server.getPort();
    }

    Path identity() {
        return identity;
    }

    /** A known_hosts line for this server, as {@code ssh-keyscan} writes it. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey);
    }

    /** A target that checks the host key against {@code knownHosts}. */
    SshTarget target(String name, Path knownHosts) {
        return SshTarget.of(name, "127.0.0.1", port(), "perftest").withIdentity(identity).withKnownHosts(knownHosts)
                .withConnectTimeout(java.time.Duration.ofSeconds(5));
    }

    /** A target that accepts any host key. */
    SshTarget insecureTarget(String name) {
        return target(name, identity.resolveSibling("no_known_hosts")).withInsecure(true);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
