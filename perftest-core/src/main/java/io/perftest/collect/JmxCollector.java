package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Durations;
import io.perftest.model.Metric;
import io.perftest.model.Samples;
import io.perftest.model.Series;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.naming.NamingException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * JVM counters over remote JMX ({@code javax.management.remote}, nothing else): heap and
 * non-heap memory, garbage collections per collector and in total, threads, CPU load, loaded
 * classes ({@link JvmCounters}), and any MBean attribute the user names ({@link JmxAttribute}).
 *
 * <p>Design: like {@code proc}, the sampling loop runs in the engine's JVM, so the address is
 * the one <em>the engine</em> reaches, whichever host the JVM runs on; the collector samples on
 * one host of the run (option {@code host}, the execution host by default), whose directory and
 * {@code @host} suffix the results get, and does nothing on the others. The connection is made at
 * start (an unreachable JVM makes the collector unavailable, saying why); a connection lost mid-run
 * keeps the samples so far, is reported once, and is tried again with a growing pause (at most
 * 30 s, each attempt bounded). The samples are written to {@code jmx.csv} in the work directory
 * when the collector stops.
 */
public final class JmxCollector implements Collector {

    public static final String TYPE = "jmx";
    static final String FILE = "jmx.csv";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(30);
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:/\\s\\[\\]]+):(\\d{1,5})");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /**
     * The JDK's JMX client retries a broken connection on its own and logs each failure as a
     * WARNING on the console; this collector reports the outage itself, once. Held so that the
     * level is not lost with a collected logger.
     */
    private static final java.util.logging.Logger CLIENT_LOG = quietClientLog();

    private static java.util.logging.Logger quietClientLog() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("javax.management.remote.misc");
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    private final JMXServiceURL url;
    private final Duration interval;
    private final List<JmxAttribute> attributes;
    private final String userVariable;
    private final String passwordVariable;
    private final String targetHost;
    private final Duration wait;
    private final Function<String, String> environment;

    private JmxCollector(JMXServiceURL url, Duration interval, List<JmxAttribute> attributes, String userVariable,
                         String passwordVariable, String targetHost, Duration wait, Function<String, String> environment) {
        this.url = url;
        this.interval = interval;
        this.wait = wait;
        this.attributes = List.copyOf(attributes);
        this.userVariable = userVariable;
        this.passwordVariable = passwordVariable;
        this.targetHost = targetHost;
        this.environment = environment;
    }

    /**
     * Registers {@code jmx}: options {@code url} (required: {@code host:port} or a
     * {@code service:jmx:} URL), {@code interval} (default 1s, at least 100ms), {@code attributes}
     * ({@code ;}-separated {@link JmxAttribute}s), {@code userEnv} and {@code passwordEnv} (names of
     * environment variables of the engine holding the credentials), {@code host} (the host of the
     * run the JVM belongs to; the execution host by default), {@code wait} (how long after the
     * test starts to wait for a JVM the script starts; by default the JVM must answer when the
     * collector starts, before the script).
     */
    public static final class Factory implements CollectorFactory {
        private final Function<String, String> environment;

        public Factory() {
            this(System::getenv);
        }

        /** With the environment credentials are read from (tests). */
        Factory(Function<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String description() {
            return "JVM counters over remote JMX (heap, GC, threads, CPU, classes, named MBean attributes); "
                    + "options url (host:port or service:jmx:...), interval (default 1s), attributes, userEnv, passwordEnv, host, wait";
        }

        @Override
        public Collector create(CollectorSpec spec) {
            CollectorOptions o = CollectorOptions.of(spec, Set.of("url", "interval", "attributes", "userEnv", "passwordEnv", "host",
                    "wait"));
            JMXServiceURL url = serviceUrl(o.required("url", "url=127.0.0.1:9010"));
            Duration interval = o.duration("interval", Duration.ofSeconds(1), Duration.ofMillis(100));
            List<JmxAttribute> attributes = new ArrayList<>();
            Set<String> keys = new java.util.HashSet<>();
            for (String item : o.list("attributes")) {
                JmxAttribute a;
                try {
                    a = JmxAttribute.parse(item, TYPE);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("collector jmx option attributes: " + e.getMessage());
                }
                if (!keys.add(a.key())) {
                    throw new IllegalArgumentException("collector jmx option attributes: two attributes are named " + a.key()
                            + "; give one a label (LABEL=OBJECTNAME/ATTRIBUTE)");
                }
                attributes.add(a);
            }
            String user = variable(o, "userEnv");
            String password = variable(o, "passwordEnv");
            if ((user == null) != (password == null)) {
                throw new IllegalArgumentException("collector jmx: give both userEnv and passwordEnv (the names of the "
                        + "environment variables holding the JMX user and password), or neither");
            }
            return new JmxCollector(url, interval, attributes, user, password, o.text("host", null),
                    o.duration("wait", Duration.ZERO, Duration.ZERO), environment);
        }

        private static String variable(CollectorOptions o, String key) {
            String v = o.text(key, null);
            if (v != null && !VARIABLE.matcher(v).matches()) {
                throw new IllegalArgumentException("collector jmx option " + key + " names an environment variable "
                        + "(e.g. " + key + "=JMX_" + (key.startsWith("user") ? "USER" : "PASSWORD")
                        + "); never write the credential itself into the configuration");
            }
            return v;
        }
    }

    /** {@code host:port} as the JDK's agent serves it, or a {@code service:jmx:} URL as is. */
    static JMXServiceURL serviceUrl(String text) {
        String t = text.trim();
        if (HOST_PORT.matcher(t).matches()) {
            t = "service:jmx:rmi:///jndi/rmi://" + t + "/jmxrmi";
        }
        try {
            return new JMXServiceURL(t);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("collector jmx option url=" + text + " is neither HOST:PORT nor a JMX service URL "
                    + "(service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi): " + e.getMessage());
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    JMXServiceURL url() {
        return url;
    }

    List<JmxAttribute> attributes() {
        return attributes;
    }

    @Override
    public RunningCollector start(Host host, CollectorContext ctx) throws IOException {
        boolean mine = targetHost == null ? ctx.executionHost() : targetHost.equals(host.name());
        if (!mine) {
            if (ctx.executionHost()) {
                ctx.log().accept("the JVM at " + url + " is filed under host " + targetHost
                        + " (option host): sampled there if it is a statistics host of this run");
            }
            return new Elsewhere();
        }
        Map<String, Object> env = new LinkedHashMap<>();
        if (userVariable != null) {
            String user = environment.apply(userVariable);
            String password = environment.apply(passwordVariable);
            if (user == null || password == null) {
                throw new CollectorUnavailableException("the environment variable " + (user == null ? userVariable : passwordVariable)
                        + " (JMX credentials for " + url + ") is not set in the engine's environment");
            }
            env.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        }
        JMXConnector connector = null;
        try {
            connector = connect(url, env, CONNECT_TIMEOUT);
        } catch (IOException e) {
            if (wait.isZero()) {
                throw new CollectorUnavailableException("cannot connect to JMX at " + url + " from the engine's machine: " + e.getMessage()
                        + " (is the JVM running with -Dcom.sun.management.jmxremote.port=PORT, and is that address reachable from "
                        + "the engine? For a JVM the script starts, give wait=30s)");
            }
            ctx.log().accept("no JVM answers at " + url + " yet (" + e.getMessage() + "); waiting for it up to "
                    + Durations.format(wait) + " after the test starts");
        }
        Running r = new Running(host, ctx, this, env, connector);
        r.sampler.start();
        return r;
    }

    /**
     * Connects within {@code timeout} (the JDK's connect has no bound of its own: an address that
     * drops packets would hang it); a connection made after the timeout is closed.
     */
    static JMXConnector connect(JMXServiceURL url, Map<String, ?> env, Duration timeout) throws IOException {
        CompletableFuture<JMXConnector> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(JMXConnectorFactory.connect(url, env));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "perftest-jmx-connect");
        t.setDaemon(true);
        t.start();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.thenAccept(JmxCollector::closeQuietly);
            throw new IOException("no answer within " + Durations.format(timeout));
        } catch (InterruptedException e) {
            result.thenAccept(JmxCollector::closeQuietly);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SecurityException) {
                throw new IOException("the JVM refused the credentials: " + cause.getMessage());
            }
            throw new IOException(rootMessage(cause));
        }
    }

    /** The innermost cause's message: RMI nests the reason (Connection refused) several levels deep. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10; i++) {
            Throwable next = t instanceof NamingException n && n.getRootCause() != null ? n.getRootCause() : t.getCause();
            if (next == null || next == t) {
                break;
            }
            t = next;
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Closes without waiting for an answer (a dead or frozen JVM would make close block). */
    static void closeQuietly(JMXConnector c) {
        if (c == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                // the connection is gone either way
            }
        }, "perftest-jmx-close");
        t.setDaemon(true);
        t.start();
    }

    /** The collector on a host whose JVM it does not sample: nothing to do, nothing to report. */
    private static final class Elsewhere implements RunningCollector {
        @Override
        public void stop() {
        }

        @Override
        public void fetch(Path localDirectory) {
        }

        @Override
        public ParseResult results(Path localDirectory) {
            return ParseResult.empty();
        }
    }

    /** The sampling loop for one JVM. */
    private static final class Running implements RunningCollector {
        private final Host host;
        private final CollectorContext ctx;
        private final JmxCollector config;
        private final Map<String, Object> env;
        private final SeriesTable table = new SeriesTable();
        private final JvmCounters jvm = new JvmCounters();
        private final PeriodicSampler sampler;
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> attributeProblems = new LinkedHashMap<>();
        private volatile Map<String, Double> latest = Map.of();
        private volatile JMXConnector connector;
        private MBeanServerConnection connection;
        private long lostAtMillis;
        private long lostAtNanos;
        private String openOutage;
        private int missed;
        private int missedBeforeLoss;
        private int outages;
        private long nextAttemptNanos;
        private Duration pause;
        private boolean everConnected;
        private volatile long waitDeadlineNanos = Long.MAX_VALUE;
        private boolean waitReported;

        Running(Host host, CollectorContext ctx, JmxCollector config, Map<String, Object> env, JMXConnector connector)
                throws IOException {
            this.host = host;
            this.ctx = ctx;
            this.config = config;
            this.env = env;
            this.connector = connector;
            this.connection = connector == null ? null : connector.getMBeanServerConnection();
            this.everConnected = connector != null;
            this.pause = config.interval;
            this.sampler = new PeriodicSampler(TYPE + "-" + host.name(), config.interval, this::sample, ctx.log());
        }

        private void sample(long atMillis) {
            if (connection == null && !reconnect(atMillis)) {
                if (everConnected) {
                    missed++;
                }
                return;
            }
            List<JvmCounters.Reading> readings;
            Map<JmxAttribute, Double> named = new LinkedHashMap<>();
            try {
                readings = jvm.read(connection);
                for (JmxAttribute a : config.attributes) {
                    try {
                        named.put(a, a.read(connection));
                    } catch (JMException | IllegalStateException | SecurityException e) {
                        attributeProblem(a, e);
                    }
                }
            } catch (IOException e) {
                lost(atMillis, e);
                missed++;
                return;
            }
            Map<String, Double> now = new LinkedHashMap<>();
            synchronized (table) {
                table.startRow(atMillis / 1000.0);
                for (JvmCounters.Reading r : readings) {
                    table.put(r.key(), r.unit(), r.direction(), r.value());
                    now.put(r.key(), r.value());
                }
                named.forEach((a, v) -> {
                    table.put(a.key(), a.unit(), JvmCounters.direction(a.key()), v);
                    now.put(a.key(), v);
                });
            }
            latest = Map.copyOf(now);
        }

        private void attributeProblem(JmxAttribute a, Exception e) {
            String why = e instanceof JMException ? e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    : e.getMessage();
            synchronized (notes) {
                if (attributeProblems.putIfAbsent(a.key(), why) == null) {
                    ctx.log().accept("cannot read " + a.source() + " (" + a.key() + "; reported once): " + why);
                }
            }
        }

        private void lost(long atMillis, IOException e) {
            closeQuietly(connector);
            connector = null;
            connection = null;
            lostAtMillis = atMillis;
            lostAtNanos = System.nanoTime();
            missedBeforeLoss = missed;
            outages++;
            pause = config.interval;
            nextAttemptNanos = System.nanoTime() + pause.toNanos();
            openOutage = "lost the JMX connection to " + config.url + " at " + java.time.Instant.ofEpochMilli(atMillis)
                    + " (" + rootMessage(e) + "); the samples until then are kept";
            if (outages == 1) {
                ctx.log().accept(openOutage + "; reconnecting with pauses of up to " + Durations.format(MAX_RETRY_PAUSE)
                        + " (reported once)");
            }
        }

        /** One bounded attempt when its pause has passed; whether the connection is back. */
        private boolean reconnect(long atMillis) {
            if (System.nanoTime() < nextAttemptNanos) {
                return false;
            }
            try {
                JMXConnector c = connect(config.url, env, CONNECT_TIMEOUT);
                connection = c.getMBeanServerConnection();
                connector = c;
                if (everConnected) {
                    String back = openOutage + "; reconnected after " + Durations.format(Duration.ofMillis(atMillis - lostAtMillis));
                    ctx.log().accept("reconnected to " + config.url);
                    synchronized (notes) {
                        notes.add(back);
                    }
                    openOutage = null;
                } else {
                    ctx.log().accept("connected to " + config.url);
                }
                everConnected = true;
                pause = config.interval;
                return true;
            } catch (IOException e) {
                boolean waiting = !everConnected && System.nanoTime() < waitDeadlineNanos;
                if (!everConnected && !waiting && !waitReported) {
                    waitReported = true;
                    String m = "no JVM answered at " + config.url + " within " + Durations.format(config.wait)
                            + " of the test's start (" + e.getMessage() + "); trying on with pauses of up to " + Durations.format(MAX_RETRY_PAUSE);
                    ctx.log().accept(m);
                    synchronized (notes) {
                        notes.add(m);
                    }
                }
                if (!waiting) {
                    long doubled = Math.min(pause.toMillis() * 2, MAX_RETRY_PAUSE.toMillis());
                    pause = Duration.ofMillis(Math.max(doubled, config.interval.toMillis()));
                }
                nextAttemptNanos = System.nanoTime() + pause.toNanos();
                return false;
            }
        }

        @Override
        public void testStarted(long scriptPid) {
            waitDeadlineNanos = System.nanoTime() + config.wait.toNanos();
        }

        @Override
        public Map<String, Double> latest() {
            return latest;
        }

        @Override
        public void stop() throws IOException, InterruptedException {
            sampler.stop(CONNECT_TIMEOUT.plusSeconds(1));
            closeQuietly(connector);
            if (openOutage != null) {
                long sinceLoss = System.nanoTime() - lostAtNanos;
                if (sinceLoss <= config.interval.multipliedBy(2).plusSeconds(1).toNanos()) {
                    // the JVM went away just before the collector stopped: it ended with the test
                    ctx.log().accept("the JVM at " + config.url + " stopped answering as the test ended");
                    missed = missedBeforeLoss;
                } else {
                    synchronized (notes) {
                        notes.add(openOutage + "; the connection did not come back");
                    }
                }
                openOutage = null;
            }
            if (!everConnected && !waitReported) {
                synchronized (notes) {
                    notes.add("no JVM answered at " + config.url + " while the test ran: nothing collected");
                }
            }
            byte[] csv;
            synchronized (table) {
                csv = table.toCsv();
            }
            host.writeFile(host.resolve(ctx.workDirectory(), FILE), csv);
        }

        @Override
        public void fetch(Path localDirectory) throws IOException {
            host.fetch(host.resolve(ctx.workDirectory(), FILE), localDirectory);
        }

        @Override
        public ParseResult results(Path localDirectory) throws IOException {
            ParseResult r = totals(SeriesTable.readCsv(localDirectory.resolve(FILE), TYPE + "/" + FILE, JvmCounters::direction));
            Problems p = new Problems(TYPE + "/" + FILE);
            synchronized (notes) {
                notes.forEach(p::addFileProblem);
                attributeProblems.forEach((key, why) -> p.addFileProblem(key + " not collected: " + why));
            }
            if (missed > 0) {
                p.addFileProblem(missed + " samples of " + config.url + " missed while the connection was down");
            }
            if (sampler.failures() > 0) {
                p.addFileProblem(sampler.failures() + " samples failed (first: " + sampler.firstFailure() + ")");
            }
            return r.plus(SeriesTable.withProblems(ParseResult.empty(), p));
        }
    }

    /** GC counts and times: the summary is the increase over the run (the series' last value), not a median. */
    static ParseResult totals(ParseResult r) {
        Map<String, Series> byKey = new LinkedHashMap<>();
        r.series().forEach(s -> byKey.put(s.key(), s));
        List<Metric> metrics = new ArrayList<>();
        for (Metric m : r.metrics()) {
            Series s = byKey.get(m.key());
            if (JvmCounters.cumulative(m.key()) && s != null && s.size() > 0) {
                metrics.add(new Metric(m.key(), m.unit(), m.direction(), Samples.of(s.value(s.size() - 1))));
            } else {
                metrics.add(m);
            }
        }
        return new ParseResult(metrics, r.series(), r.problems(), r.problemCount());
    }
}
