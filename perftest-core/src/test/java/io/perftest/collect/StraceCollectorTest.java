package io.perftest.collect;

import io.perftest.model.CollectorSpec;
import org.junit.Assume;
import org.junit.BeforeClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

public class StraceCollectorTest extends CollectorContractTest {

    @BeforeClass
    public static void straceInstalled() {
        Assume.assumeTrue("strace installed", Files.isExecutable(Path.of("/usr/bin/strace")));
    }

    @Override
    protected CollectorSpec spec() {
        return CollectorSpec.of("strace");
    }

    @Override
    protected Set<String> toolFiles() {
        return Set.of("strace");
    }

    @Override
    protected String outputFile() {
        return StraceCollector.FILE;
    }
}
