package io.perftest.collect;

import io.perftest.model.CollectorSpec;

import java.util.Set;

public class ProcCollectorTest extends CollectorContractTest {

    @Override
    protected CollectorSpec spec() {
        return new CollectorSpec("proc", java.util.Map.of("interval", "200ms"));
    }

    @Override
    protected Set<String> toolFiles() {
        return Set.of("/proc/stat");
    }

    @Override
    protected String outputFile() {
        return ProcCollector.FILE;
    }

    /** The sampler has no process of its own: its reads of /proc start failing instead. */
    @Override
    protected void killToolMidRun(TestHost host) {
        host.failReads();
    }
}
