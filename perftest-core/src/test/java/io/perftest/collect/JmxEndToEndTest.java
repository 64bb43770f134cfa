package io.perftest.collect;

import io.perftest.config.ConfigLoader;
import io.perftest.model.Metric;
import io.perftest.model.RunSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.Series;
import io.perftest.model.Unit;
import io.perftest.run.RunOutcome;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A real JVM as the system under test: the framework's script starts {@link JmxTarget} with the
 * JDK's JMX agent on a loopback port, lets it allocate for a few seconds and leaves it running;
 * the engine stops it, and the jmx collector (configured in framework.yaml) reads it meanwhile.
 */
public class JmxEndToEndTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String SCRIPT = """
            #!/usr/bin/env bash
            # starts the JVM under test with JMX on loopback, leaves it running for the engine to stop
            set -eu
            port=$1; seconds=$2; classes=$3
            java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \\
              -Dcom.sun.management.jmxremote.port=$port -Dcom.sun.management.jmxremote.rmi.port=$port \\
              -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1 \\
              -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false \\
              -cp "$classes" io.perftest.collect.JmxTarget &
            echo "$!" >> "$PERFTEST_PIDS_FILE"
            sleep "$seconds"
            printf 'metric,value,unit\\nseconds,%s,s\\n' "$seconds" > "$PERFTEST_RESULTS_DIR/results.csv"
            """;

    private Path framework(int port) throws Exception {
        Path dir = tmp.newFolder("jvm").toPath();
        String classes = Path.of(JmxTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Files.writeString(dir.resolve("framework.yaml"), """
                name: jvm
                description: a JVM that allocates, watched over JMX
                script: run.sh
                arguments:
                  - {name: port, default: "%d"}
                  - {name: seconds, default: "4"}
                  - {name: classes, default: "%s"}
                timeout: 1m
                collectors:
                  - jmx:
                      url: 127.0.0.1:%d
                      interval: 250ms
                      wait: 10s
                      attributes:
                        - allocated (B)=perftest.test:type=Allocator/AllocatedBytes
                        - java.lang:type=Memory/HeapMemoryUsage.committed
                """.formatted(port, classes, port));
        Path script = Files.writeString(dir.resolve("run.sh"), SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    @Test
    public void shouldReadHeapGcAndThreadsOfAJvmTheScriptStartsAndLeaveNoProcess() throws Exception {
        int port = JmxTestServer.freePort();
        ConfigLoader loader = new ConfigLoader();
        ConfigLoader.Target target = loader.loadTarget(framework(port));
        RunSpec spec = loader.resolve(target.framework(), target.test(), Map.of());

        RunOutcome outcome = EngineRuns.engine(spec, TestHost.healthy("exec"), tmp.newFolder("results").toPath()).build().run();

        assertEquals(outcome.record().reason() + " " + outcome.record().problems(), RunStatus.COMPLETED, outcome.status());
        assertEquals(List.of(), outcome.record().problems());
        Metric heap = outcome.summary().metric("jmx.heap.used").orElseThrow();
        assertEquals(Unit.BYTES, heap.unit());
        assertTrue(heap.toString(), heap.value() > 0 && heap.value() <= 64 * 1024 * 1024);
        assertTrue("a 64 MB heap allocating 50 MB/s collects: " + outcome.summary().metric("jmx.gc.count"),
                outcome.summary().metric("jmx.gc.count").orElseThrow().value() >= 1);
        assertTrue(outcome.summary().metric("jmx.gc.Copy.count").isPresent());
        assertEquals(Unit.MILLISECONDS, outcome.summary().metric("jmx.gc.time").orElseThrow().unit());
        assertTrue(outcome.summary().metric("jmx.threads").orElseThrow().value() >= 2);
        assertTrue(outcome.summary().metric("jmx.cpu.process").isPresent());
        assertTrue(outcome.summary().metric("jmx.Memory.HeapMemoryUsage.committed").isPresent());
        List<Series> series = outcome.directory().readSeries();
        Series allocated = series.stream().filter(s -> s.key().equals("jmx.allocated")).findFirst().orElseThrow();
        assertTrue("about 4 samples a second for some 3 s: " + allocated.size(), allocated.size() >= 6);
        assertTrue("the JVM allocated while it was watched", allocated.value(allocated.size() - 1) > allocated.value(0));
        assertTrue(series.stream().anyMatch(s -> s.key().equals("jmx.heap.used") && s.host().equals("exec") && s.size() >= 6));
        assertTrue(series.stream().anyMatch(s -> s.key().equals("jmx.threads")));
        assertTrue(Files.size(outcome.directory().hostDirectory("exec").resolve("jmx/jmx.csv")) > 0);
        String console = Files.readString(outcome.directory().consoleLog());
        assertTrue(console, console.contains("the script left 1 process(es) running; they were stopped"));
        EngineRuns.assertNoProcessLeft(outcome);
    }
}
