package io.perftest.collect;

import io.perftest.ingest.ParseResult;
import io.perftest.ingest.ResultParser;
import io.perftest.ingest.ResultParsers;
import io.perftest.model.Direction;
import io.perftest.model.Metric;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Every metric that a parser or collector makes of a real file, whose name says it counts bad
 * events (errors, failures, drops, retransmits, timeouts, rejections), is lower is better: the
 * rule of {@link Direction#namesBadEvents} holds wherever a direction is decided.
 */
public class BadEventMetricsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shouldMakeEveryErrorDropAndTimeoutMetricOfEveryParserAndCollectorLowerIsBetter() throws Exception {
        List<Metric> metrics = new ArrayList<>();
        ResultParsers parsers = ResultParsers.standard();
        Path ingest = Path.of(BadEventMetricsTest.class.getResource("/io/perftest/ingest").toURI());
        List<Path> samples;
        try (Stream<Path> files = Files.walk(ingest)) {
            samples = files.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : samples) {
            Optional<ResultParser> parser = parsers.detect(f);
            if (parser.isPresent()) {
                metrics.addAll(parser.get().parse(f, parser.get().defaultSource()).metrics());
            }
        }
        // what scripts write: the names of the issue, in results.csv, multicol.csv and datapoints
        metrics.addAll(parse(parsers, "results.csv", "errors_per_sec,3\nerror_rate,0.5,/s\nrx_drops,2,/s\nrequests_per_sec,90\n"));
        metrics.addAll(parse(parsers, "multicol.csv", "time,errors_per_sec,error_rate (/s),rx_drops (/s),retransmits (/s)\n0,1,2,3,4\n1,2,3,4,5\n"));
        metrics.addAll(parse(parsers, "points.jsonl", "{\"peer\":\"a\",\"ts\":1,\"metrics\":{\"errors_per_sec\":1,\"timeouts\":2}}\n"
                + "{\"peer\":\"a\",\"ts\":2,\"metrics\":{\"errors_per_sec\":2,\"timeouts\":3}}\n"));
        // the collectors' parsers on recorded tool output
        metrics.addAll(new SadfJsonParser("sar").parse(Fixtures.path("sadf_j_two_cpus_five_samples.json"), "sar").metrics());
        // sadf -j of 'sar -o FILE -n DEV,EDEV 1 2' (sysstat 12.6 on a 2-CPU VM)
        metrics.addAll(new SadfJsonParser("sar").parse(Fixtures.path("sadf_j_net_dev_edev_two_samples.json"), "sar").metrics());
        metrics.addAll(new StraceSummaryParser("strace").parse(Fixtures.path("strace_c_f_shell_loop.txt"), "strace").metrics());
        metrics.addAll(new PerfStatParser("perf").parse(Fixtures.path("perf_stat_x_vm_not_supported.csv"), "perf").parsed().metrics());

        TreeSet<String> bad = new TreeSet<>();
        for (Metric m : metrics) {
            String name = String.join(".", m.id().quantity()); // a request's or command's label says nothing of direction
            if (Direction.namesBadEvents(name)) {
                bad.add(m.key());
                assertEquals(m.key() + " (" + m.unit().symbol() + ")", Direction.LOWER_IS_BETTER, m.direction());
            }
        }
        for (String expected : List.of("results.errors_per_sec", "results.error_rate", "results.rx_drops", "multicol.retransmits.mean",
                "datapoints.timeouts.mean", "jmeter.total.errors", "wrk.errors.total", "wrk.error_pct", "hyperfine.true.failed_runs", "strace.total.errors")) {
            assertTrue(expected + " in " + bad, bad.stream().anyMatch(k -> k.startsWith(expected)));
        }
        assertTrue(bad.stream().anyMatch(k -> k.startsWith("sar.net.") && k.endsWith(".rx_drops")));
        // the collectors that decide by key: proc (read back from its CSV) and JMX attributes the user names
        for (String key : List.of("proc.net.eth0.rx_drops", "proc.net.eth0.tx_errors", "proc.net.eth0.rx_errors")) {
            assertEquals(key, Direction.LOWER_IS_BETTER, ProcCollector.direction(key));
        }
        assertEquals(Direction.LOWER_IS_BETTER, JvmCounters.direction("jmx.errorCount"));
        assertEquals(Direction.LOWER_IS_BETTER, JvmCounters.direction("jmx.\"rejected tasks\""));
        assertEquals(Direction.NEUTRAL, JvmCounters.direction("jmx.requestCount"));
    }

    private List<Metric> parse(ResultParsers parsers, String name, String content) throws Exception {
        Path f = tmp.newFolder().toPath().resolve(name);
        Files.writeString(f, content);
        ResultParser p = parsers.detect(f).orElseThrow();
        ParseResult r = p.parse(f, p.defaultSource());
        assertEquals(name + ": " + r.problems(), 0, r.problemCount());
        return r.metrics();
    }
}
