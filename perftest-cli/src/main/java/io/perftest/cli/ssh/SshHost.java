package io.perftest.cli.ssh;

import io.perftest.host.Host;
import io.perftest.host.HostException;
import io.perftest.host.HostProcess;
import io.perftest.host.ProcessSpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.channel.ChannelPipedInputStream;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A statistics host reached over SSH (Apache MINA SSHD): every {@link Host} operation is a
 * command on one shared SSH connection, opened on first use and again if it drops. The remote
 * side needs a POSIX login shell, {@code /bin/sh}, the usual utilities ({@code cat}, {@code tar},
 * {@code mktemp}, {@code awk}, {@code kill}) and, to find and stop processes, Linux's
 * {@code /proc}. Commands are argv lists, each word single-quoted for the remote shell; small
 * scripts ({@link RemoteScripts}) take their inputs as arguments, never pasted into code.
 *
 * <p>Host keys are checked against a known hosts file unless the target is marked insecure;
 * authentication is by public key only, from a key file without passphrase.
 */
public final class SshHost implements Host {

    /** How long a file operation or a short command may take. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /** Files read with {@link #readFile} are small; more than this is a mistake. */
    static final int MAX_READ = 64 * 1024 * 1024;
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{0,64}");
    private static final List<String> DEFAULT_IDENTITIES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final SshTarget target;
    private final Object lock = new Object();
    private final AtomicReference<String> hostKeyProblem = new AtomicReference<>();
    private SshClient client;
    private ClientSession session;
    private boolean closed;

    public SshHost(SshTarget target) {
        this.target = target;
    }

    public SshTarget target() {
        return target;
    }

    @Override
    public String name() {
        return target.name();
    }

    // ---- connection -------------------------------------------------------------------------

    /** The open, authenticated session, connecting (again) when there is none. */
    ClientSession session() throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new HostException(name(), "the connection to " + target.address() + " was closed");
            }
            if (session != null && session.isOpen() && session.isAuthenticated()) {
                return session;
            }
            if (session != null) {
                session.close(true);
                session = null;
            }
            if (client == null) {
                client = newClient();
                client.start();
            }
            List<KeyPair> identities = identities();
            hostKeyProblem.set(null);
            ClientSession s = null;
            try {
                s = client.connect(target.user(), target.host(), target.port()).verify(target.connectTimeout()).getSession();
                for (KeyPair kp : identities) {
                    s.addPublicKeyIdentity(kp);
                }
                s.auth().verify(target.connectTimeout());
                session = s;
                return s;
            } catch (IOException | RuntimeException e) {
                if (s != null) {
                    s.close(true);
                }
                throw connectFailure(e);
            }
        }
    }

    private SshClient newClient() {
        SshClient c = SshClient.setUpDefaultClient();
        // hosts.yaml is the whole configuration: no ~/.ssh/config, no implicit keys, no passwords
        c.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        c.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        c.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        c.setServerKeyVerifier(keyVerifier());
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(c, HEARTBEAT);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(c, 3);
        return c;
    }

    private ServerKeyVerifier keyVerifier() {
        if (target.insecure()) {
            return AcceptAllServerKeyVerifier.INSTANCE;
        }
        ServerKeyVerifier unknown = (session, address, key) -> {
            hostKeyProblem.set("the host key of " + target.address() + " (" + KeyUtils.getFingerPrint(key) + ") is not in "
                    + target.knownHosts() + "; after checking that fingerprint with the host's owner, add it with"
                    + " 'ssh-keyscan -p " + target.port() + " " + target.host() + " >> " + target.knownHosts() + "'"
                    + " (or set 'insecure: true' for a throwaway test machine)");
            return false;
        };
        KnownHostsServerKeyVerifier verifier = new KnownHostsServerKeyVerifier(unknown, target.knownHosts());
        verifier.setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> {
            hostKeyProblem.set("the host key of " + target.address() + " has CHANGED (now " + KeyUtils.getFingerPrint(actual)
                    + ", " + target.knownHosts() + " has " + KeyUtils.getFingerPrint(expected) + "): someone may be intercepting"
                    + " the connection, or the host was reinstalled; fix the entry in " + target.knownHosts() + " only once you know which");
            return false;
        });
        return verifier;
    }

    private List<KeyPair> identities() throws IOException {
        Path file = target.identity();
        if (file == null) {
            for (String n : DEFAULT_IDENTITIES) {
                Path p = SshTarget.sshDirectory().resolve(n);
                if (Files.isRegularFile(p)) {
                    file = p;
                    break;
                }
            }
            if (file == null) {
                throw new HostException(name(), "no identity to log in with: set 'identity' in hosts.yaml, or create "
                        + SshTarget.sshDirectory().resolve("id_ed25519") + " with ssh-keygen");
            }
        }
        List<KeyPair> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in,
                    FilePasswordProvider.EMPTY);
            if (keys != null) {
                keys.forEach(out::add);
            }
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new HostException(name(), "cannot read the identity " + file + ": " + e.getMessage()
                    + " (perftest reads no passphrases: use a key without one, readable only by you)", e);
        }
        if (out.isEmpty()) {
            throw new HostException(name(), "no private key found in the identity " + file);
        }
        return out;
    }

    private HostException connectFailure(Exception e) {
        String problem = hostKeyProblem.get();
        if (problem != null) {
            return new HostException(name(), problem, e);
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.contains("No more authentication methods") || m.contains("authentication")) {
            return new HostException(name(), "cannot log in to " + target.address() + " with the identity "
                    + (target.identity() == null ? "in ~/.ssh" : target.identity()) + ": " + m
                    + " (is its public key in ~" + target.user() + "/.ssh/authorized_keys there?)", e);
        }
        return new HostException(name(), "cannot connect to " + target.address() + " within "
                + target.connectTimeout().toSeconds() + "s: " + m, e);
    }

    /** The heartbeat: connects if needed and runs {@code true} there. */
    @Override
    public void checkReachable() throws IOException {
        Result r = run(List.of("true"), null, target.connectTimeout().plusSeconds(5));
        if (r.exitCode() != 0) {
            throw new HostException(name(), "'true' exited with code " + r.exitCode() + " on " + target.address() + r.errorSuffix());
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (session != null) {
                session.close(true);
                session = null;
            }
            if (client != null) {
                client.stop();
                client = null;
            }
        }
    }

    // ---- processes --------------------------------------------------------------------------

    @Override
    public HostProcess start(ProcessSpec spec) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("env");
        for (Map.Entry<String, String> e : spec.environment().entrySet()) {
            if (!ShellQuoting.isEnvironmentName(e.getKey())) {
                throw new HostException(name(), "cannot start '" + spec.argv().get(0) + "': '" + e.getKey()
                        + "' is not a valid environment variable name");
            }
            command.add(e.getKey() + "=" + e.getValue());
        }
        command.addAll(List.of("/bin/sh", "-c", RemoteScripts.START.text(), "perftest",
                spec.workingDirectory() == null ? "" : spec.workingDirectory()));
        command.addAll(spec.argv());
        ChannelExec channel = session().createExecChannel("exec " + ShellQuoting.command(command));
        channel.setIn(new ByteArrayInputStream(new byte[0]));
        try {
            channel.open().verify(target.connectTimeout());
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw new HostException(name(), "cannot start '" + spec.argv().get(0) + "': " + e.getMessage(), e);
        }
        return SshProcess.start(this, channel, spec, target.connectTimeout().plusSeconds(5));
    }

    /** Sends a signal (INT, TERM, KILL) to one remote process. */
    void signal(long pid, String signal) throws IOException {
        run(List.of("kill", "-s", signal, Long.toString(pid)), null, COMMAND_TIMEOUT);
    }

    /** Stops a remote process and its descendants: SIGTERM, then SIGKILL after {@code grace}. */
    void killTree(long pid, Duration grace) throws IOException {
        script(RemoteScripts.KILL, List.of("tree", Long.toString(pid), Long.toString(grace.toMillis())),
                COMMAND_TIMEOUT.plus(grace));
    }

    @Override
    public int killProcessesWithEnvironment(String variable, String value, Duration grace) throws IOException {
        Result r = script(RemoteScripts.KILL, List.of("env", cookie(variable, value), Long.toString(grace.toMillis())),
                COMMAND_TIMEOUT.plus(grace));
        check(r, "stop the processes with " + variable + "=" + value);
        String first = r.text().lines().findFirst().orElse("0").trim();
        try {
            return Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw new HostException(name(), "unexpected answer of the process killer: '" + first + "'");
        }
    }

    @Override
    public List<Long> processesWithEnvironment(String variable, String value) throws IOException {
        Result r = script(RemoteScripts.KILL, List.of("list", cookie(variable, value), "0"), COMMAND_TIMEOUT);
        check(r, "list the processes with " + variable + "=" + value);
        List<Long> pids = new ArrayList<>();
        for (String line : r.text().split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        pids.sort(null);
        return pids;
    }

    private String cookie(String variable, String value) {
        if (!ShellQuoting.isEnvironmentName(variable) || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a usable environment cookie: " + variable + "=" + value);
        }
        return variable + "=" + value;
    }

    // ---- files ------------------------------------------------------------------------------

    @Override
    public String createTempDirectory(String prefix) throws IOException {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a temporary directory prefix holds letters, digits, '.', '_' and '-' only: " + prefix);
        }
        Result r = script(RemoteScripts.TEMP_DIR, List.of(prefix), COMMAND_TIMEOUT);
        check(r, "create a temporary directory");
        String dir = r.text().trim();
        if (dir.isEmpty() || dir.indexOf('\n') >= 0) {
            throw new HostException(name(), "mktemp gave no directory: '" + dir + "'");
        }
        return dir;
    }

    @Override
    public void createDirectories(String path) throws IOException {
        check(run(List.of("mkdir", "-p", "--", path), null, COMMAND_TIMEOUT), "create " + path);
    }

    @Override
    public void writeFile(String path, byte[] content) throws IOException {
        check(script(RemoteScripts.WRITE, List.of(path), content, COMMAND_TIMEOUT), "write " + path);
    }

    @Override
    public byte[] readFile(String path) throws IOException {
        Result r = script(RemoteScripts.READ, List.of(path), COMMAND_TIMEOUT);
        if (r.exitCode() == RemoteScripts.NOT_FOUND) {
            throw new NoSuchFileException(path, null, "on " + name());
        }
        check(r, "read " + path);
        return r.out();
    }

    @Override
    public boolean exists(String path) throws IOException {
        Result r = script(RemoteScripts.EXISTS, List.of(path), COMMAND_TIMEOUT);
        if (r.exitCode() > 1) {
            check(r, "check " + path);
        }
        return r.exitCode() == 0;
    }

    @Override
    public List<String> list(String directory) throws IOException {
        Result r = script(RemoteScripts.LIST, List.of(directory), COMMAND_TIMEOUT);
        check(r, "list " + directory);
        List<String> names = new ArrayList<>();
        String all = r.text();
        int start = 0;
        for (int i = 0; i < all.length(); i++) {
            if (all.charAt(i) == '\0') {
                names.add(all.substring(start, i));
                start = i + 1;
            }
        }
        names.sort(null);
        return names;
    }

    @Override
    public void delete(String path) throws IOException {
        if (path.isBlank() || path.replace("/", "").replace(".", "").isEmpty()) {
            throw new IllegalArgumentException("refusing to delete '" + path + "' on " + name());
        }
        check(run(List.of("rm", "-rf", "--", path), null, COMMAND_TIMEOUT), "delete " + path);
    }

    /**
     * Copies a file or a directory tree into {@code localTarget} as a tar stream over the
     * connection (regular files, hard-linked ones as copies, and directories; symbolic links and
     * devices are skipped, as by {@code LocalHost}). An entry that would land outside
     * {@code localTarget} is refused.
     */
    @Override
    public void fetch(String path, Path localTarget) throws IOException {
        Path root = localTarget.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<String> argv = scriptArgv(RemoteScripts.TAR, List.of(path));
        ChannelExec channel = session().createExecChannel(ShellQuoting.command(argv));
        BoundedBuffer err = new BoundedBuffer(8192);
        channel.setErr(err);
        channel.setIn(new ByteArrayInputStream(new byte[0]));
        try (channel) {
            channel.open().verify(target.connectTimeout());
            InputStream stream = channel.getInvertedOut();
            if (stream instanceof ChannelPipedInputStream piped) {
                piped.setTimeout(COMMAND_TIMEOUT.toMillis()); // a fetch that stalls this long (no data at all) fails
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path to = root.resolve(entry.getName()).normalize();
                    if (!to.startsWith(root)) {
                        throw new HostException(name(), "fetch of " + path + " refused the entry '" + entry.getName()
                                + "': it points outside " + root);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(to);
                    } else if (entry.isLink()) { // a second name of a file already extracted
                        Path first = root.resolve(entry.getLinkName()).normalize();
                        if (first.startsWith(root) && Files.isRegularFile(first, LinkOption.NOFOLLOW_LINKS)) {
                            Files.createDirectories(to.getParent());
                            Files.copy(first, to, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } else if (entry.isFile() && !entry.isSymbolicLink() && !entry.isCharacterDevice()
                            && !entry.isBlockDevice() && !entry.isFIFO()) {
                        Files.createDirectories(to.getParent());
                        Files.copy(tar, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                tar.transferTo(OutputStream.nullOutputStream());
            }
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), COMMAND_TIMEOUT);
            Integer status = channel.getExitStatus();
            if (status != null && status == RemoteScripts.NOT_FOUND) {
                throw new NoSuchFileException(path, null, "on " + name());
            }
            if (status == null || status > 1) { // GNU tar exits 1 when a file changed while read: kept, as read
                throw new HostException(name(), "cannot fetch " + path + ": tar exited with "
                        + (status == null ? "no status" : "code " + status) + err.suffix());
            }
        }
    }

    // ---- provenance -------------------------------------------------------------------------

    @Override
    public Map<String, String> describe() throws IOException {
        Result r = script(RemoteScripts.DESCRIBE, List.of(), COMMAND_TIMEOUT);
        check(r, "describe the host");
        Map<String, String> d = new LinkedHashMap<>();
        for (String line : r.text().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.substring(eq + 1).isBlank()) {
                d.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        d.put("address", target.address());
        return d;
    }

    @Override
    public boolean hasCommand(String command) throws IOException {
        Result r = script(RemoteScripts.HAS_COMMAND, List.of(command), COMMAND_TIMEOUT);
        if (r.exitCode() > 1) {
            check(r, "look for " + command);
        }
        return r.exitCode() == 0;
    }

    // ---- running short commands ------------------------------------------------------------

    /** What a short command did: its exit code (-1 when none came), its stdout and the start of its stderr. */
    record Result(int exitCode, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String errorSuffix() {
            String first = err.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            return first.isEmpty() ? "" : ": " + first;
        }
    }

    private void check(Result r, String what) throws HostException {
        if (r.exitCode() != 0) {
            throw new HostException(name(), "cannot " + what + ": exited with code " + r.exitCode() + r.errorSuffix());
        }
    }

    private static List<String> scriptArgv(RemoteScripts script, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script.text(), "perftest"));
        argv.addAll(args);
        return argv;
    }

    private Result script(RemoteScripts script, List<String> args, Duration timeout) throws IOException {
        return script(script, args, null, timeout);
    }

    private Result script(RemoteScripts script, List<String> args, byte[] stdin, Duration timeout) throws IOException {
        return run(scriptArgv(script, args), stdin, timeout);
    }

    /** Runs argv (quoted word by word) to its end, feeding {@code stdin}; bounded by {@code timeout}. */
    Result run(List<String> argv, byte[] stdin, Duration timeout) throws IOException {
        String command = ShellQuoting.command(argv);
        ChannelExec channel = session().createExecChannel(command);
        BoundedBuffer out = new BoundedBuffer(MAX_READ);
        BoundedBuffer err = new BoundedBuffer(8192);
        channel.setOut(out);
        channel.setErr(err);
        channel.setIn(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
        try (channel) {
            channel.open().verify(target.connectTimeout());
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                throw new HostException(name(), "'" + argv.get(0) + "' did not finish within " + timeout.toSeconds() + "s");
            }
            if (out.overflowed()) {
                throw new HostException(name(), "'" + argv.get(0) + "' printed more than " + MAX_READ + " bytes");
            }
            Integer status = channel.getExitStatus();
            return new Result(status == null ? -1 : status, out.bytes(), err.text());
        } catch (HostException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new HostException(name(), "lost the connection to " + target.address() + ": " + e.getMessage(), e);
        }
    }

    /** Collects at most {@code limit} bytes, and notes whether more came. */
    static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int limit;
        private boolean overflowed;

        BoundedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, limit - buffer.size());
            buffer.write(b, off, Math.min(room, len));
            overflowed |= len > room;
        }

        synchronized boolean overflowed() {
            return overflowed;
        }

        synchronized byte[] bytes() {
            return buffer.toByteArray();
        }

        synchronized String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }

        String suffix() {
            String first = text().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            return first.isEmpty() ? "" : ": " + first;
        }
    }

    @Override
    public String toString() {
        return "SshHost[" + name() + " " + target.address() + "]";
    }
}
