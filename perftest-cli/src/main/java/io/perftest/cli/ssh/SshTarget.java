package io.perftest.cli.ssh;

import io.perftest.model.Origin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one SSH host of {@code hosts.yaml}: its name in perftest, address, port, user,
 * identity (private key file; {@code null} for the first of {@code ~/.ssh/id_ed25519},
 * {@code id_ecdsa}, {@code id_rsa} that exists), known hosts file, whether host keys are checked,
 * and how long connecting may take. {@code origin} is where it was written, for messages.
 */
public record SshTarget(String name, String host, int port, String user, Path identity, Path knownHosts,
                        boolean insecure, Duration connectTimeout, Origin origin) {

    public static final int DEFAULT_PORT = 22;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public SshTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        origin = origin == null ? Origin.of("hosts." + name) : origin;
    }

    /** A host with the defaults: the user's default identity, {@code ~/.ssh/known_hosts} checked, 10 s to connect. */
    public static SshTarget of(String name, String host, int port, String user) {
        return new SshTarget(name, host, port, user, null, defaultKnownHosts(), false, DEFAULT_CONNECT_TIMEOUT, null);
    }

    public SshTarget withIdentity(Path value) {
        return new SshTarget(name, host, port, user, value, knownHosts, insecure, connectTimeout, origin);
    }

    public SshTarget withKnownHosts(Path value) {
        return new SshTarget(name, host, port, user, identity, value, insecure, connectTimeout, origin);
    }

    /** Accepts any host key: for test machines only (a man in the middle would go unnoticed). */
    public SshTarget withInsecure(boolean value) {
        return new SshTarget(name, host, port, user, identity, knownHosts, value, connectTimeout, origin);
    }

    public SshTarget withConnectTimeout(Duration value) {
        return new SshTarget(name, host, port, user, identity, knownHosts, insecure, value, origin);
    }

    public SshTarget withOrigin(Origin value) {
        return new SshTarget(name, host, port, user, identity, knownHosts, insecure, connectTimeout, value);
    }

    /** {@code user@host:port}, with brackets around an IPv6 address. */
    public String address() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return user + "@" + h + ":" + port;
    }

    static Path sshDirectory() {
        return Path.of(System.getProperty("user.home"), ".ssh");
    }

    static Path defaultKnownHosts() {
        return sshDirectory().resolve("known_hosts");
    }
}
