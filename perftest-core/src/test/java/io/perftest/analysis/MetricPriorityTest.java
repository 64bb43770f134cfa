package io.perftest.analysis;

import io.perftest.store.RunRecord;
import org.junit.Test;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;

public class MetricPriorityTest {

    /** The quickstart's keys, with a jmx, a perf and a command series sorting before results. */
    private static final List<String> KEYS = List.of("command.queue", "jmx.heap.used", "perf.ipc", "proc.cpu.user",
            "results.latency_p99", "results.throughput", "results.aaa", "sar.cpu.all.user", "jmeter.login.p95");

    private static final List<String> COLLECTORS = List.of("sar", "proc", "perf", "jmx", "command");

    @Test
    public void shouldPutTheScriptsResultsBeforeCollectorSeriesWhenNothingIsNamed() {
        List<String> order = MetricPriority.of(List.of(), List.of(), COLLECTORS).order(KEYS);

        assertEquals(List.of("jmeter.login.p95", "results.aaa", "results.latency_p99", "results.throughput",
                "command.queue", "jmx.heap.used", "perf.ipc", "proc.cpu.user", "sar.cpu.all.user"), order);
    }

    @Test
    public void shouldPutThresholdMetricsFirstThenTheUsersGlobsInTheirOrder() {
        MetricPriority p = MetricPriority.of(List.of("results.throughput >= baseline * 0.95 : unstable",
                "no regression in sar.cpu.*", "not a threshold <"), List.of("perf.*", "results.latency_p99"), COLLECTORS);

        List<String> top = p.top(KEYS, 6);

        assertEquals(List.of("results.throughput", "sar.cpu.all.user", "perf.ipc", "results.latency_p99",
                "jmeter.login.p95", "results.aaa"), top);
    }

    @Test
    public void shouldReadThePriorityFromARunsSpec() {
        RunRecord record = RunRecord.builder().spec(new RunRecord.Spec("/fw", "/fw/run.sh", List.of(), Map.of(), "1m", 1,
                List.of("sar:interval=1s", "command:name=queue,run=wc"), List.of(), List.of("results.latency_p99 < 250 ms"),
                "previous", null, List.of("jmx.*"))).build();

        List<String> order = MetricPriority.forRun(record).order(KEYS);

        // perf and proc are not among this run's collectors: their keys sort with the results
        assertEquals(List.of("results.latency_p99", "jmx.heap.used", "jmeter.login.p95", "perf.ipc", "proc.cpu.user",
                "results.aaa", "results.throughput", "command.queue", "sar.cpu.all.user"), order);
    }
}
