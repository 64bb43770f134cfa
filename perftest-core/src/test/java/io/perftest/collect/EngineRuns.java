package io.perftest.collect;

import io.perftest.config.ConfigLoader;
import io.perftest.host.Host;
import io.perftest.host.ProcessTree;
import io.perftest.model.CollectorSpec;
import io.perftest.model.RunSpec;
import io.perftest.run.RunEngine;
import io.perftest.run.RunOutcome;
import io.perftest.store.TestHistory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;

/** Runs {@code examples/quickstart} through the real engine with collectors, for end-to-end tests. */
final class EngineRuns {

    static final Path QUICKSTART = Path.of("..", "examples", "quickstart");

    private EngineRuns() {
    }

    static RunSpec quickstart(int seconds, List<CollectorSpec> collectors) {
        return quickstart(seconds, "256K", collectors);
    }

    /** The quickstart example hashing {@code size} bytes (head -c syntax) per operation. */
    static RunSpec quickstart(int seconds, String size, List<CollectorSpec> collectors) {
        ConfigLoader loader = new ConfigLoader();
        ConfigLoader.Target t = loader.loadTarget(QUICKSTART);
        return loader.resolve(t.framework(), t.test(), Map.of("duration", Integer.toString(seconds), "size", size))
                .withCollectors(collectors);
    }

    static RunEngine.Builder engine(RunSpec spec, Host host, Path results) {
        return RunEngine.builder(spec, host, TestHistory.of(results, spec.framework().name(), spec.test().name()))
                .grace(Duration.ofSeconds(2));
    }

    /** Asserts that no process of the run is alive on this machine (scans /proc for the run's cookie). */
    static void assertNoProcessLeft(RunOutcome outcome) {
        assertEquals("processes of run " + outcome.record().id() + " still alive", List.of(),
                ProcessTree.withEnvironment(RunEngine.RUN_ID_VARIABLE, outcome.record().id()));
    }
}
