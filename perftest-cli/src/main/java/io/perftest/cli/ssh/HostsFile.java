package io.perftest.cli.ssh;

import io.perftest.config.YamlNode;
import io.perftest.config.YamlReader;
import io.perftest.model.ConfigException;
import io.perftest.model.Durations;
import io.perftest.model.Origin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hosts.yaml}: the SSH hosts a framework's {@code statsHosts} may name.
 * <pre>
 * hosts:
 *   stats1:
 *     address: db1.example.com:2222    # host[:port], [ipv6]:port
 *     user: perf                       # default: the local user
 *     identity: ~/.ssh/id_ed25519      # default: ~/.ssh/id_ed25519, id_ecdsa or id_rsa
 *     knownHosts: ~/.ssh/known_hosts   # the default
 *     insecure: false                  # true accepts any host key (test machines only)
 *     connectTimeout: 10s
 * </pre>
 * Every error names the file, the line and the key (exit code 2). Relative paths are resolved
 * against the file's directory, {@code ~/} against the user's home.
 */
public final class HostsFile {

    public static final String FILE = "hosts.yaml";

    static final Set<String> TOP_KEYS = Set.of("hosts");
    static final Set<String> HOST_KEYS = Set.of("address", "user", "identity", "knownHosts", "insecure", "connectTimeout");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern ADDRESS = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([^\\s:\\[\\]@/]+))(?::([0-9]{1,5}))?");

    private final Path file;
    private final Map<String, SshTarget> hosts;

    private HostsFile(Path file, Map<String, SshTarget> hosts) {
        this.file = file;
        this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }

    /** Reads and checks a hosts file; a missing file is an error naming it. */
    public static HostsFile load(Path path) {
        Path file = path.toAbsolutePath().normalize();
        YamlNode root = YamlReader.read(file);
        String what = file.getFileName().toString();
        if (root instanceof YamlNode.Scalar s && s.text() == null) {
            return new HostsFile(file, Map.of());
        }
        YamlNode.Mapping top = mapping(root, what);
        top.requireKnownKeys(TOP_KEYS, what);
        YamlNode list = top.entries().get("hosts");
        Map<String, SshTarget> hosts = new LinkedHashMap<>();
        if (list == null || isNull(list)) {
            return new HostsFile(file, hosts);
        }
        YamlNode.Mapping entries = mapping(list, "'hosts'");
        for (Map.Entry<String, YamlNode> e : entries.entries().entrySet()) {
            String name = e.getKey();
            Origin keyOrigin = entries.keyOrigin(name);
            if (!NAME.matcher(name).matches()) {
                throw new ConfigException(keyOrigin, "host name '" + name
                        + "' must start with a letter or digit and hold only letters, digits, '.', '_' and '-' (it names a directory of the run)");
            }
            hosts.put(name, target(name, e.getValue(), keyOrigin, file.getParent()));
        }
        return new HostsFile(file, hosts);
    }

    private static SshTarget target(String name, YamlNode node, Origin keyOrigin, Path base) {
        String what = "host '" + name + "'";
        YamlNode.Mapping m = mapping(node, what);
        m.requireKnownKeys(HOST_KEYS, what);
        String address = text(m, "address").filter(s -> !s.isBlank()).orElseThrow(() ->
                new ConfigException(keyOrigin, "missing required key 'address' in " + what + " (host or host:port)"));
        Matcher a = ADDRESS.matcher(address.trim());
        if (!a.matches()) {
            throw new ConfigException(valueOrigin(m, "address"), "bad address '" + address
                    + "' for " + what + ": expected host, host:port or [ipv6]:port");
        }
        String host = a.group(1) != null ? a.group(1) : a.group(2);
        int port = SshTarget.DEFAULT_PORT;
        if (a.group(3) != null) {
            port = Integer.parseInt(a.group(3));
            if (port < 1 || port > 65535) {
                throw new ConfigException(valueOrigin(m, "address"), "bad port " + port + " in address '" + address
                        + "' for " + what + ": must be 1 to 65535");
            }
        }
        String user = text(m, "user").filter(s -> !s.isBlank()).orElse(System.getProperty("user.name"));
        Path identity = text(m, "identity").map(p -> path(p, base)).orElse(null);
        if (identity != null && !Files.isRegularFile(identity)) {
            throw new ConfigException(valueOrigin(m, "identity"), "identity file " + identity + " of " + what
                    + " not found (create a key with ssh-keygen, or leave 'identity' out for ~/.ssh/id_ed25519)");
        }
        Path knownHosts = SshTarget.defaultKnownHosts();
        if (text(m, "knownHosts").isPresent()) {
            knownHosts = path(text(m, "knownHosts").get(), base);
            if (!Files.isRegularFile(knownHosts)) {
                throw new ConfigException(valueOrigin(m, "knownHosts"), "known hosts file " + knownHosts + " of " + what
                        + " not found (add the host's key with ssh-keyscan, after checking its fingerprint)");
            }
        }
        boolean insecure = text(m, "insecure").map(v -> bool(v, valueOrigin(m, "insecure"))).orElse(false);
        Duration timeout = text(m, "connectTimeout").map(t -> {
            try {
                Duration d = Durations.parse(t);
                if (d.isZero() || d.isNegative()) {
                    throw new IllegalArgumentException("'" + t + "' must be longer than zero");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(valueOrigin(m, "connectTimeout"), "bad duration for 'connectTimeout': " + e.getMessage());
            }
        }).orElse(SshTarget.DEFAULT_CONNECT_TIMEOUT);
        return new SshTarget(name, host, port, user, identity, knownHosts, insecure, timeout, keyOrigin);
    }

    /** The file this was read from. */
    public Path file() {
        return file;
    }

    public Optional<SshTarget> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** Every host, in the order written. */
    public Map<String, SshTarget> hosts() {
        return hosts;
    }

    private static YamlNode.Mapping mapping(YamlNode node, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw new ConfigException(node.origin(), what + " must be a map of keys (e.g. 'name: ...'), found " + node.kind());
    }

    private static Optional<String> text(YamlNode.Mapping m, String key) {
        YamlNode n = m.entries().get(key);
        if (n == null || isNull(n)) {
            return Optional.empty();
        }
        if (n instanceof YamlNode.Scalar s) {
            return Optional.of(s.text());
        }
        throw new ConfigException(n.origin(), "'" + key + "' must be a single value, found " + n.kind());
    }

    private static Origin valueOrigin(YamlNode.Mapping m, String key) {
        YamlNode n = m.entries().get(key);
        return n == null ? m.keyOrigin(key) : n.origin();
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.text() == null;
    }

    private static boolean bool(String text, Origin origin) {
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(origin, "'insecure' must be true or false, found '" + text + "'");
        };
    }

    private static Path path(String text, Path base) {
        String t = text.trim();
        if (t.equals("~")) {
            return Path.of(System.getProperty("user.home"));
        }
        if (t.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(t.substring(2)).normalize();
        }
        return base.resolve(t).normalize();
    }
}
