package io.perftest.collect;

import io.perftest.host.LocalHost;
import io.perftest.ingest.ParseResult;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Metric;
import io.perftest.model.Series;
import io.perftest.model.Unit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.perftest.collect.SadfJsonParserTest.metric;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The jmx collector against this JVM's platform MBeans, served on a loopback port. */
public class JmxCollectorTest extends CollectorContractTest {

    private JmxTestServer server;

    @Before
    public void serve() throws IOException {
        server = JmxTestServer.start();
    }

    @After
    public void stopServing() throws IOException {
        server.stop();
    }

    @Override
    protected CollectorSpec spec() {
        return new CollectorSpec("jmx", Map.of("url", server.address(), "interval", "200ms"));
    }

    @Override
    protected CollectorSpec unavailableSpec() {
        try {
            return new CollectorSpec("jmx", Map.of("url", "127.0.0.1:" + JmxTestServer.freePort()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Set<String> toolFiles() {
        return Set.of();
    }

    @Override
    protected String outputFile() {
        return JmxCollector.FILE;
    }

    /** The JVM it watches goes away: its connector server stops. */
    @Override
    protected void killToolMidRun(TestHost host) throws IOException {
        server.stop();
    }

    private static JmxCollector create(Map<String, String> options) {
        return (JmxCollector) CollectorRegistry.standard().create(new CollectorSpec("jmx", options));
    }

    private RunningCollector startHere(Collector c, List<String> log) throws Exception {
        String work = tmp.newFolder().toString();
        return c.start(new LocalHost("exec"), new CollectorContext("jmx-test", work, work + "/pids", true, log::add));
    }

    @Test
    public void shouldSampleHeapGcThreadsCpuAndNamedAttributesOfAJvm() throws Exception {
        JmxCollector c = create(Map.of("url", server.address(), "interval", "100ms",
                "attributes", "java.lang:type=Memory/HeapMemoryUsage.committed;uptime (ms)=java.lang:type=Runtime/Uptime"));
        List<String> log = new CopyOnWriteArrayList<>();
        RunningCollector running = startHere(c, log);
        List<byte[]> garbage = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            garbage.add(new byte[1 << 20]);
            if (garbage.size() > 8) {
                garbage.clear();
            }
            Thread.sleep(20);
        }
        System.gc();
        Thread.sleep(400);
        Map<String, Double> live = running.latest();
        running.stop();
        Path local = tmp.newFolder("local").toPath();
        running.fetch(local);

        ParseResult r = running.results(local);

        assertEquals(log.toString(), List.of(), r.problems());
        Metric heap = metric(r, "jmx.heap.used");
        assertEquals(Unit.BYTES, heap.unit());
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        assertTrue(heap.toString(), heap.value() > 0 && (max < 0 || heap.value() <= max));
        assertEquals(Unit.MILLISECONDS, metric(r, "jmx.gc.time").unit());
        assertTrue("System.gc() ran during the sampling", metric(r, "jmx.gc.count").value() >= 1);
        assertTrue(r.metrics().stream().anyMatch(m -> m.key().matches("jmx\\.gc\\.[A-Za-z0-9_-]+\\.count")));
        assertTrue(metric(r, "jmx.threads").value() >= 2);
        assertTrue(metric(r, "jmx.threads.peak").value() >= metric(r, "jmx.threads").value());
        assertTrue(metric(r, "jmx.classes.loaded").value() > 1000);
        assertEquals(Unit.PERCENT, metric(r, "jmx.cpu.process").unit());
        assertTrue(metric(r, "jmx.Memory.HeapMemoryUsage.committed").value() > 0);
        assertEquals("ms", metric(r, "jmx.uptime").unit().symbol());
        Series uptime = r.series().stream().filter(s -> s.key().equals("jmx.uptime")).findFirst().orElseThrow();
        assertTrue("about one sample per 100 ms over 1.2 s: " + uptime.size(), uptime.size() >= 6);
        assertTrue("uptime grows", uptime.value(uptime.size() - 1) > uptime.value(0));
        assertTrue(live.toString(), live.get("jmx.heap.used") > 0 && live.containsKey("jmx.uptime"));
        assertTrue(Files.size(local.resolve(JmxCollector.FILE)) > 0);
    }

    @Test
    public void shouldReportAnAttributeThatIsNotThereOnceAndKeepTheOthers() throws Exception {
        JmxCollector c = create(Map.of("url", server.address(), "interval", "100ms",
                "attributes", "java.lang:type=Memory/NoSuchAttribute;java.lang:type=Memory/HeapMemoryUsage"));
        List<String> log = new CopyOnWriteArrayList<>();
        RunningCollector running = startHere(c, log);
        Thread.sleep(500);
        running.stop();
        Path local = tmp.newFolder("local").toPath();
        running.fetch(local);

        ParseResult r = running.results(local);

        assertTrue(metric(r, "jmx.heap.used").value() > 0);
        assertEquals(log.toString(), 2, log.stream().filter(l -> l.startsWith("cannot read")).count());
        String problems = r.problems().toString();
        assertTrue(problems, problems.contains("jmx.Memory.NoSuchAttribute not collected: AttributeNotFoundException"));
        assertTrue(problems, problems.contains("HeapMemoryUsage is composite data: name one of its keys")
                && problems.contains("committed"));
    }

    @Test
    public void shouldReadCredentialsFromTheEnvironmentAndSayWhenTheJvmRefusesThem() throws Exception {
        server.stop();
        server = JmxTestServer.start(JmxTestServer.freePort(), "monitor", "s3cret");
        Map<String, String> options = Map.of("url", server.address(), "userEnv", "JMX_USER", "passwordEnv", "JMX_PASSWORD");
        CollectorSpec spec = new CollectorSpec("jmx", options);
        Collector right = new JmxCollector.Factory(Map.of("JMX_USER", "monitor", "JMX_PASSWORD", "s3cret")::get).create(spec);
        Collector wrong = new JmxCollector.Factory(Map.of("JMX_USER", "monitor", "JMX_PASSWORD", "guess")::get).create(spec);
        Collector unset = new JmxCollector.Factory(Map.of("JMX_USER", "monitor")::get).create(spec);

        RunningCollector running = startHere(right, new ArrayList<>());
        running.stop();
        CollectorUnavailableException refused = assertThrows(CollectorUnavailableException.class, () -> startHere(wrong, new ArrayList<>()));
        CollectorUnavailableException missing = assertThrows(CollectorUnavailableException.class, () -> startHere(unset, new ArrayList<>()));

        assertTrue(refused.getMessage(), refused.getMessage().contains("refused the credentials"));
        assertTrue(missing.getMessage(), missing.getMessage().contains("JMX_PASSWORD") && missing.getMessage().contains("not set"));
    }

    @Test
    public void shouldSayWhyItCannotConnectAtStart() throws Exception {
        int closed = JmxTestServer.freePort();
        CollectorUnavailableException e = assertThrows(CollectorUnavailableException.class,
                () -> startHere(create(Map.of("url", "127.0.0.1:" + closed)), new ArrayList<>()));

        assertTrue(e.getMessage(), e.getMessage().contains("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + closed + "/jmxrmi"));
        assertTrue(e.getMessage(), e.getMessage().contains("Connection refused"));
    }

    @Test
    public void shouldKeepTheSamplesAndReconnectWhenTheJvmComesBack() throws Exception {
        JmxCollector c = create(Map.of("url", server.address(), "interval", "100ms"));
        List<String> log = new CopyOnWriteArrayList<>();
        RunningCollector running = startHere(c, log);
        Thread.sleep(400);
        server.stop();
        Thread.sleep(400);
        server = JmxTestServer.start(server.port(), null, null);
        long deadline = System.currentTimeMillis() + 5000;
        while (log.stream().noneMatch(l -> l.startsWith("reconnected")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        running.stop();
        Path local = tmp.newFolder("local").toPath();
        running.fetch(local);

        ParseResult r = running.results(local);

        assertTrue(log.toString(), log.stream().anyMatch(l -> l.startsWith("reconnected to")));
        assertEquals(log.toString(), 1, log.stream().filter(l -> l.startsWith("lost the JMX connection")).count());
        String problems = r.problems().toString();
        assertTrue(problems, problems.contains("lost the JMX connection") && problems.contains("reconnected after"));
        assertTrue(problems, problems.contains("samples of") && problems.contains("missed"));
        Series heap = r.series().stream().filter(s -> s.key().equals("jmx.heap.used")).findFirst().orElseThrow();
        assertTrue("samples before and after the outage: " + heap.size(), heap.size() >= 5);
    }

    @Test
    public void shouldTakeHostPortOrAServiceUrlAndRejectBadOptionsByName() {
        assertEquals("service:jmx:rmi:///jndi/rmi://db-1.example:9010/jmxrmi", create(Map.of("url", "db-1.example:9010")).url().toString());
        String full = "service:jmx:rmi://127.0.0.1:9011/jndi/rmi://127.0.0.1:9010/jmxrmi";
        assertEquals(full, create(Map.of("url", full)).url().toString());
        JmxAttribute tomcat = create(Map.of("url", "h:1", "attributes",
                "Catalina:type=GlobalRequestProcessor,name=\"http-nio-8080\"/requestCount")).attributes().get(0);
        assertEquals("jmx.http-nio-8080.requestCount", tomcat.key());
        assertEquals("requestCount", tomcat.attribute());

        for (Map<String, String> bad : List.of(Map.of("url", "not a url"), Map.of("interval", "1s"),
                Map.of("url", "h:1", "attributes", "java.lang:type=Memory"),
                Map.of("url", "h:1", "attributes", "java.lang:type=GarbageCollector,*/CollectionCount"),
                Map.of("url", "h:1", "userEnv", "JMX_USER"),
                Map.of("url", "h:1", "userEnv", "monitor", "passwordEnv", "pa ss!word"),
                Map.of("url", "h:1", "attributes", "java.lang:type=Memory/HeapMemoryUsage.used;java.lang:type=Memory/HeapMemoryUsage.used"))) {
            IllegalArgumentException e = assertThrows(bad.toString(), IllegalArgumentException.class, () -> create(bad));
            assertTrue(e.getMessage(), e.getMessage().startsWith("collector jmx"));
        }
    }

    @Test
    public void shouldSampleOnlyOnTheHostItIsToldTheJvmBelongsTo() throws Exception {
        JmxCollector c = create(Map.of("url", server.address(), "host", "stats1"));
        String work = tmp.newFolder().toString();

        RunningCollector onExec = c.start(new LocalHost("exec"), new CollectorContext("t", work, work + "/pids", true, l -> { }));
        onExec.stop();
        onExec.fetch(tmp.getRoot().toPath().resolve("none"));

        assertEquals(ParseResult.empty().metrics(), onExec.results(tmp.getRoot().toPath().resolve("none")).metrics());
        assertFalse(Files.exists(Path.of(work, JmxCollector.FILE)));
    }
}
