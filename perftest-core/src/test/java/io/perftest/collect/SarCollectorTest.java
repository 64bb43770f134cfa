package io.perftest.collect;

import io.perftest.model.CollectorSpec;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class SarCollectorTest extends CollectorContractTest {

    @BeforeClass
    public static void sysstatInstalled() {
        Assume.assumeTrue("sysstat installed", Files.isExecutable(Path.of("/usr/bin/sadf")));
    }

    @Override
    protected CollectorSpec spec() {
        return CollectorSpec.of("sar");
    }

    @Override
    protected Set<String> toolFiles() {
        Set<String> all = new java.util.HashSet<>(SarCollector.SADC_PLACES);
        all.add("sadc");
        all.add("sadf");
        return all;
    }

    @Override
    protected String outputFile() {
        return SarCollector.JSON_FILE;
    }

    @Test
    public void shouldRefuseASubSecondIntervalAndPointToProc() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CollectorRegistry.standard().create(new CollectorSpec("sar", Map.of("interval", "500ms"))));
        assertTrue(e.getMessage(), e.getMessage().contains("whole seconds") && e.getMessage().contains("proc:interval=500ms"));
    }
}
