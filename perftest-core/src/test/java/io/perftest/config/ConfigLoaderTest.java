package io.perftest.config;

import io.perftest.model.CollectorSpec;
import io.perftest.model.ConfigException;
import io.perftest.model.Framework;
import io.perftest.model.FrameworkLayer;
import io.perftest.model.Origin;
import io.perftest.model.Parameter;
import io.perftest.model.RunSpec;
import io.perftest.model.SourcedText;
import io.perftest.model.TestSpec;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class ConfigLoaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ConfigLoader loader = new ConfigLoader();

    /** A framework directory {@code sample/} holding the fixture as framework.yaml and an executable run.sh. */
    private Path frameworkDir(String fixture) throws IOException {
        Path dir = tmp.getRoot().toPath().resolve("sample");
        Files.createDirectories(dir);
        Files.copy(YamlReaderTest.fixture(fixture), dir.resolve(ConfigLoader.FRAMEWORK_FILE));
        Path script = dir.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static Path testFile(Path dir, String fixture, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.copy(YamlReaderTest.fixture(fixture), file);
        return file;
    }

    private static String frameworkFile(Path dir) {
        return dir.resolve(ConfigLoader.FRAMEWORK_FILE).toString();
    }

    @Test
    public void shouldLoadEveryFieldOfAFramework() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");

        Framework fw = loader.loadFramework(dir);

        assertEquals("sample", fw.name());
        assertEquals("hashes generated data", fw.description());
        assertEquals(dir.resolve("run.sh"), fw.script());
        assertEquals(List.of(new Parameter("duration", "5", ""), new Parameter("size", "64M", "bytes to hash")), fw.arguments());
        assertEquals(Duration.ofMinutes(2), fw.timeout());
        assertEquals(3, fw.repeat());
        assertEquals(Map.of("LANG", "C"), fw.environment());
        assertEquals(List.of(new CollectorSpec("sar", Map.of("interval", "1s")), CollectorSpec.parse("proc:interval=500ms")),
                fw.collectors());
        assertTrue(fw.statsHosts().isEmpty());
        assertEquals("results.throughput >= baseline * 0.95", fw.thresholds().get(0).text());
        assertEquals(new Origin(frameworkFile(dir), 19, 5), fw.thresholds().get(0).origin());
        assertEquals("median-of-last:5", fw.baseline());
    }

    @Test
    public void shouldRejectAnUnknownKeyWithFileLineAndKey() throws IOException {
        Path dir = frameworkDir("framework-unknown-key.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertTrue(e.getMessage(), e.getMessage().startsWith(frameworkFile(dir) + ":4:1: unknown key 'retries' in framework.yaml (allowed: "));
        assertTrue(e.getMessage(), e.getMessage().contains("timeout"));
    }

    @Test
    public void shouldRejectAMissingScriptWithFileLineAndWhereItLooked() throws IOException {
        Path dir = frameworkDir("framework-missing-script.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":2:9: script 'bin/missing.sh' not found (looked for " + dir.resolve("bin/missing.sh") + ")",
                e.getMessage());
    }

    @Test
    public void shouldRejectANonExecutableScriptSayingHowToFixIt() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":4:9: script 'run.sh' is not executable (chmod +x " + dir.resolve("run.sh") + ")",
                e.getMessage());
    }

    @Test
    public void shouldRejectAMissingScriptKey() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Files.writeString(dir.resolve(ConfigLoader.FRAMEWORK_FILE), "name: sample\nscript:\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":1:1: missing required key 'script' in framework.yaml", e.getMessage());
    }

    @Test
    public void shouldRejectABadDurationWithFileLineAndKey() throws IOException {
        Path dir = frameworkDir("framework-bad-duration.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":3:10: bad duration for 'timeout': 'two minutes' is not a duration"
                + " (expected e.g. 500ms, 30s, 2m, 1h30m)", e.getMessage());
    }

    @Test
    public void shouldRejectRepeatZeroWithFileLineAndKey() throws IOException {
        Path dir = frameworkDir("framework-repeat-zero.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":3:9: 'repeat' must be a whole number of at least 1, found '0'", e.getMessage());
    }

    @Test
    public void shouldRejectABadBaselineWithFileLineAndTheAllowedForms() throws IOException {
        Path dir = frameworkDir("framework-bad-baseline.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":4:11: baseline 'median-of-last:0' must be previous, pinned or median-of-last:N",
                e.getMessage());
    }

    @Test
    public void shouldRejectAnUndeclaredParameterInATestFileWithFileAndLine() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Path test = testFile(dir, "test-undeclared-parameter.yaml", "small.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadTarget(test));
        assertEquals(test + ":4:3: parameter 'threads' is not declared in the framework's 'arguments' (declared: duration, size)",
                e.getMessage());
    }

    @Test
    public void shouldRejectAnUndeclaredParameterGivenWithDashP() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        ConfigLoader.Target target = loader.loadTarget(dir);
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.resolve(target.framework(), target.test(), Map.of("threads", "4")));
        assertEquals("command line: -p threads=4: parameter 'threads' is not declared in the framework's 'arguments'"
                + " (declared: duration, size)", e.getMessage());
    }

    /** The line of framework-required-argument.yaml where 'target' is declared. */
    private static final int DECLARED_LINE = 5;

    @Test
    public void shouldRejectARequiredParameterWithoutValueNamingItAndHowToSetIt() throws IOException {
        Path dir = frameworkDir("framework-required-argument.yaml");
        ConfigLoader.Target target = loader.loadTarget(dir);
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.resolve(target.framework(), target.test(), Map.of()));
        assertTrue(e.getMessage(), e.getMessage().startsWith(frameworkFile(dir) + ":" + DECLARED_LINE + ":"));
        assertTrue(e.getMessage(), e.getMessage().contains("parameter 'target' is declared without a default and default"
                + " gives it no value: set it in the test's 'parameters', give it a default here, or pass -p target=VALUE"));
    }

    @Test
    public void shouldAcceptARequiredParameterGivenWithDashP() throws IOException {
        Path dir = frameworkDir("framework-required-argument.yaml");
        ConfigLoader.Target target = loader.loadTarget(dir);
        RunSpec spec = loader.resolve(target.framework(), target.test(), Map.of("target", "db1"));
        assertEquals(List.of("5", "db1"), spec.arguments());
    }

    @Test
    public void shouldTakeTestValuesOverDefaultsAndDashPOverBoth() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        ConfigLoader.Target target = loader.loadTarget(testFile(dir, "test-overrides-size.yaml", "small.yaml"));

        RunSpec fromTest = loader.resolve(target.framework(), target.test(), Map.of());
        RunSpec fromCommandLine = loader.resolve(target.framework(), target.test(), Map.of("size", "1G", "duration", "9"));

        assertEquals(Map.of("duration", "5", "size", "16M"), fromTest.parameters());
        assertEquals(List.of("5", "16M"), fromTest.arguments());
        assertEquals(List.of("9", "1G"), fromCommandLine.arguments());
        assertEquals("1G", fromCommandLine.parameterEnvironment().get("PERFTEST_PARAM_SIZE"));
    }

    @Test
    public void shouldTakeTheTestsTimeoutRepeatAndBaselineOverTheFrameworks() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        ConfigLoader.Target target = loader.loadTarget(testFile(dir, "test-overrides-size.yaml", "small.yaml"));
        RunSpec spec = loader.resolve(target.framework(), target.test(), Map.of());
        assertEquals(Duration.ofSeconds(30), spec.timeout());
        assertEquals(2, spec.repeat());
        assertEquals("previous", spec.baseline());
        assertEquals(target.framework().collectors(), spec.collectors());
    }

    @Test
    public void shouldClearTheFrameworksCollectorsWithAnEmptyCollectorsKey() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Path test = dir.resolve("quiet.yaml");
        Files.writeString(test, "collectors:\n");
        ConfigLoader.Target target = loader.loadTarget(test);
        assertTrue(loader.resolve(target.framework(), target.test(), Map.of()).collectors().isEmpty());
    }

    @Test
    public void shouldLoadATestFileBesideFrameworkYaml() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Path test = testFile(dir, "test-overrides-size.yaml", "small.yaml");

        ConfigLoader.Target target = loader.loadTarget(test);

        assertEquals("sample", target.framework().name());
        assertEquals("small", target.test().name());
        assertEquals(Map.of("size", "16M"), target.test().parameters());
        assertEquals(new Origin(test.toString(), 3, 3), target.test().originOf("size"));
    }

    @Test
    public void shouldNameATestWithoutNameAfterItsFile() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Path test = dir.resolve("nightly-large.yml");
        Files.writeString(test, "parameters: {size: 1G}\n");
        assertEquals("nightly-large", loader.loadTarget(test).test().name());
    }

    @Test
    public void shouldRejectATestFileWithoutFrameworkYamlBesideIt() throws IOException {
        Path test = tmp.newFile("lonely.yaml").toPath();
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadTarget(test));
        assertTrue(e.getMessage(), e.getMessage().startsWith(test + ": a test file must sit beside its framework.yaml"));
    }

    @Test
    public void shouldRejectABadDurationInATestFileWithFileLineAndKey() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Path test = testFile(dir, "test-bad-duration.yaml", "small.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadTarget(test));
        assertTrue(e.getMessage(), e.getMessage().startsWith(test + ":2:10: bad duration for 'timeout': '10 parsecs'"));
    }

    @Test
    public void shouldRunTheDefaultTestOfAFrameworkDirectoryOrItsFrameworkYaml() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");

        ConfigLoader.Target byDir = loader.loadTarget(dir);
        ConfigLoader.Target byFile = loader.loadTarget(dir.resolve(ConfigLoader.FRAMEWORK_FILE));

        assertEquals("default", byDir.test().name());
        assertEquals(TestSpec.defaults("default", Origin.of(frameworkFile(dir))), byDir.test());
        assertEquals(byDir.framework().arguments(), byFile.framework().arguments());
        assertEquals("default", byFile.test().name());
        assertEquals(List.of("5", "64M"), loader.resolve(byDir.framework(), byDir.test(), Map.of()).arguments());
    }

    @Test
    public void shouldNameAFrameworkWithoutNameAfterItsDirectory() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Files.writeString(dir.resolve(ConfigLoader.FRAMEWORK_FILE), "script: run.sh\n");
        assertEquals("sample", loader.loadFramework(dir).name());
    }

    @Test
    public void shouldRejectADirectoryWithoutFrameworkYaml() throws IOException {
        Path dir = tmp.newFolder("empty").toPath();
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadTarget(dir));
        assertEquals(dir + ": not a framework: framework.yaml not found in this directory", e.getMessage());
    }

    @Test
    public void shouldRejectAPathThatDoesNotExist() {
        Path missing = tmp.getRoot().toPath().resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadTarget(missing));
        assertTrue(e.getMessage(), e.getMessage().startsWith(missing + ": no such file or directory"));
    }

    @Test
    public void shouldRejectAnArgumentDeclaredTwiceAtItsLine() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Files.writeString(dir.resolve(ConfigLoader.FRAMEWORK_FILE), "script: run.sh\narguments:\n  - size\n  - size\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":4:5: argument 'size' is declared twice", e.getMessage());
    }

    @Test
    public void shouldRejectTheSameCollectorListedTwiceAtTheSecondLine() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Files.writeString(dir.resolve(ConfigLoader.FRAMEWORK_FILE), "script: run.sh\ncollectors:\n"
                + "  - {command: {name: depth, run: echo 1}}\n  - {command: {name: lag, run: echo 2}}\n"
                + "  - sar\n  - 'command:name=depth,run=echo 3'\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":6:5: collector command named 'depth' is already listed at line 3; "
                + "a run has one of each (two command counters need two names)", e.getMessage());

        Files.writeString(dir.resolve(ConfigLoader.FRAMEWORK_FILE), "script: run.sh\ncollectors:\n  - sar\n  - sar:interval=5s\n");
        ConfigException sar = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertTrue(sar.getMessage(), sar.getMessage().startsWith(frameworkFile(dir) + ":4:5: collector sar is already listed at line 3"));
    }

    @Test
    public void shouldRejectAnInvalidArgumentNameAtItsLine() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Files.writeString(dir.resolve(ConfigLoader.FRAMEWORK_FILE), "script: run.sh\narguments:\n  - {name: 'two words'}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertTrue(e.getMessage(), e.getMessage().startsWith(frameworkFile(dir) + ":3:5: parameter name 'two words' must start"));
    }

    @Test
    public void shouldReportWhatTheCollectorAndThresholdChecksRejectAtTheirLines() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        ConfigLoader strictCollectors = new ConfigLoader(ConfigChecks.NONE.withCollector(c -> {
            if (c.type().equals("proc")) {
                throw new IllegalArgumentException("unknown collector 'proc'");
            }
        }));
        ConfigLoader strictThresholds = new ConfigLoader(ConfigChecks.NONE.withThreshold(t -> {
            throw new IllegalArgumentException("no comparison");
        }));

        ConfigException collector = assertThrows(ConfigException.class, () -> strictCollectors.loadFramework(dir));
        ConfigException threshold = assertThrows(ConfigException.class, () -> strictThresholds.loadFramework(dir));

        assertEquals(frameworkFile(dir) + ":16:5: unknown collector 'proc'", collector.getMessage());
        assertEquals(frameworkFile(dir) + ":19:5: bad threshold 'results.throughput >= baseline * 0.95': no comparison",
                threshold.getMessage());
    }

    @Test
    public void shouldRejectAFrameworkFileThatIsNotAMap() throws IOException {
        Path dir = frameworkDir("framework-valid.yaml");
        Files.writeString(dir.resolve(ConfigLoader.FRAMEWORK_FILE), "- just\n- a list\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFramework(dir));
        assertEquals(frameworkFile(dir) + ":1:1: framework.yaml must be a map of keys (e.g. 'name: ...'), found a list",
                e.getMessage());
    }

    @Test
    public void shouldMergeLayersInnermostFirstWithTheFrameworksDefaultsForWhatNoLayerSets() {
        // given an outer folder with script, arguments and thresholds, an inner one changing the
        // argument default and the repeat, and the global default collectors outermost
        Path dir = tmp.getRoot().toPath();
        FrameworkLayer global = FrameworkLayer.builder().collectors(List.of(CollectorSpec.parse("proc"))).build();
        FrameworkLayer outer = FrameworkLayer.builder().script("run.sh")
                .arguments(List.of(new Parameter("size", "64M", ""), new Parameter("duration", "5", "")))
                .thresholds(List.of(new SourcedText("results.x < 5", Origin.of("folder web")))).trend(List.of("results.*"))
                .build();
        FrameworkLayer inner = FrameworkLayer.builder().arguments(List.of(new Parameter("size", "16M", ""))).repeat(3)
                .exclusive(true).build();

        // when
        Framework fw = new ConfigLoader().framework("web/fast", dir, List.of(inner, outer, global), Origin.of("job t"));

        // then each field comes from the innermost layer that sets it, whole; the rest are the defaults
        assertEquals(dir.resolve("run.sh"), fw.script());
        assertEquals(List.of("size"), fw.arguments().stream().map(Parameter::name).toList());
        assertEquals("16M", fw.arguments().get(0).defaultValue());
        assertEquals(3, fw.repeat());
        assertEquals(List.of(CollectorSpec.parse("proc")), fw.collectors());
        assertEquals(List.of("results.x < 5"), fw.thresholds().stream().map(SourcedText::text).toList());
        assertEquals(List.of("results.*"), fw.trend());
        assertTrue(fw.exclusive());
        assertEquals(Framework.DEFAULT_TIMEOUT, fw.timeout());
        assertEquals(Framework.DEFAULT_EXCLUSIVE_WAIT, fw.exclusiveWait());
        assertEquals(Framework.DEFAULT_BASELINE, fw.baseline());
    }

    @Test
    public void shouldRefuseAStackWithoutScriptNamingWhere() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().framework("x",
                tmp.getRoot().toPath(), List.of(FrameworkLayer.builder().repeat(2).build()), Origin.of("job web/t")));

        assertTrue(e.getMessage(), e.getMessage().startsWith("job web/t") && e.getMessage().contains("no execution script"));
    }

    @Test
    public void shouldRefuseATestParameterTheFrameworkDoesNotDeclareWhereItWasWritten() {
        Framework fw = Framework.builder("fw").directory(tmp.getRoot().toPath()).script(tmp.getRoot().toPath().resolve("run.sh"))
                .argument(new Parameter("size", "1", "")).build();
        TestSpec test = new TestSpec("t", "", Map.of("sise", "2"), Map.of("sise", Origin.of("job t parameters")),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), List.of(),
                java.util.Optional.empty(), Origin.of("job t"));

        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().resolve(fw, test, Map.of()));

        assertTrue(e.getMessage(), e.getMessage().startsWith("job t parameters") && e.getMessage().contains("'sise' is not declared"));
    }

    @Test
    public void shouldReadTheTrendListOfFrameworkYaml() throws IOException {
        Path dir = tmp.newFolder("trend").toPath();
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("framework.yaml"), "script: run.sh\ntrend:\n  - results.latency_p99\n  - \"sar.cpu.*\"\n");

        assertEquals(List.of("results.latency_p99", "sar.cpu.*"), new ConfigLoader().loadFramework(dir).trend());
    }
}
