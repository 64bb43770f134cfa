package io.perftest.analysis;

import io.perftest.config.ConfigChecks;
import io.perftest.config.ConfigLoader;
import io.perftest.model.ConfigException;
import io.perftest.model.Framework;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** A bad threshold fails when the configuration is loaded, with file, line and column. */
public class ThresholdConfigTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldRejectABadThresholdAtLoadTimeWithFileLineAndColumn() throws Exception {
        // given a framework whose second threshold is misspelt
        Path dir = folder.getRoot().toPath();
        Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        dir.resolve("run.sh").toFile().setExecutable(true);
        Files.writeString(dir.resolve("framework.yaml"), "name: fw\nscript: run.sh\nthresholds:\n"
                + "  - \"results.latency_p95 < 250 ms\"\n"
                + "  - \"results.throughput >= baselin * 0.95\"\n");
        ConfigLoader loader = new ConfigLoader(ConfigChecks.NONE.withThreshold(ThresholdParser::check));
        // when
        try {
            loader.loadFramework(dir);
            fail("the bad threshold was accepted");
        } catch (ConfigException e) {
            // then
            assertTrue(e.getMessage(), e.getMessage().contains("framework.yaml:5"));
            assertTrue(e.getMessage(), e.getMessage().contains(
                    "column 23: expected a number or 'baseline' after '>=', found 'baselin'"));
        }
    }

    @Test
    public void shouldLoadGoodThresholds() throws Exception {
        Path dir = folder.getRoot().toPath();
        Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        dir.resolve("run.sh").toFile().setExecutable(true);
        Files.writeString(dir.resolve("framework.yaml"), "name: fw\nscript: run.sh\nthresholds:\n"
                + "  - \"results.latency_p95 < 250 ms\"\n  - \"sar.cpu.all.user mean < 80 : unstable\"\n  - no regression\n");
        Framework f = new ConfigLoader(ConfigChecks.NONE.withThreshold(ThresholdParser::check)).loadFramework(dir);
        assertEquals(3, f.thresholds().size());
    }
}
