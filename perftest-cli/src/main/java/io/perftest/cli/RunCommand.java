package io.perftest.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftest.analysis.RunJudge;
import io.perftest.analysis.StandardRunJudge;
import io.perftest.analysis.ThresholdParser;
import io.perftest.cli.ssh.StatsHosts;
import io.perftest.collect.CollectorRegistry;
import io.perftest.collect.Triggers;
import io.perftest.config.ConfigChecks;
import io.perftest.config.ConfigLoader;
import io.perftest.host.LocalHost;
import io.perftest.model.CollectorSpec;
import io.perftest.model.ConfigException;
import io.perftest.model.Durations;
import io.perftest.model.Origin;
import io.perftest.model.RunSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.Verdict;
import io.perftest.run.RunControl;
import io.perftest.run.RunEngine;
import io.perftest.report.RunReport;
import io.perftest.run.RunOutcome;
import io.perftest.store.Json;
import io.perftest.store.SummaryCodec;
import io.perftest.store.TestHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code perftest run}: runs a framework's test through the whole lifecycle and keeps its results. */
@Command(name = "run",
        sortOptions = false,
        header = "Run an execution script through the full lifecycle and keep everything it measured.",
        description = {"Runs an execution script through the run lifecycle (setup, monitors, test, collect, collate,",
                "cleanup), keeps everything in a numbered run directory and prints the metrics it measured.",
                "The run directory is printed on the last line of standard output."},
        footer = {"", "Examples:",
                "  perftest run examples/quickstart                 the framework's default test",
                "  perftest run examples/quickstart/small.yaml      a test file beside framework.yaml",
                "  perftest run examples/quickstart -p duration=10 --repeat 3 --timeout 5m",
                "  perftest run examples/quickstart --collector sar --collector proc:interval=500ms --json",
                "  perftest run lab/framework --hosts lab/hosts.yaml   statsHosts looked up in another hosts file",
                "", "Results go to <results-dir>/<framework>/<test>/<number>/ (run.json, summary.json, console.log, hosts/).",
                KeySyntax.HELP, ExitCodes.HELP})
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "FRAMEWORK-DIR|TEST.yaml",
            description = "A framework directory (holding framework.yaml) or a test file beside one.")
    private Path target;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Sets a declared parameter, overriding the test's value and the framework's default.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "perftest-results",
            description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    private Path resultsDir;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Stops the script after this long (e.g. 90s, 5m); the run is then aborted (exit 4).")
    private String timeout;

    @Option(names = "--repeat", paramLabel = "N", description = "Runs the script N times; each iteration is a sample.")
    private Integer repeat;

    @Option(names = "--collector", paramLabel = "SPEC",
            description = "Adds a collector, e.g. sar, sar:interval=2s, proc:interval=500ms, strace, perf:mode=record; replaces one of the same type (and name) from framework.yaml. A value with a comma goes in double quotes.")
    private List<String> collectors = new ArrayList<>();

    @Option(names = "--hosts", paramLabel = "FILE",
            description = "The SSH hosts that framework.yaml's statsHosts names (default: hosts.yaml beside framework.yaml; see docs/hosts.md).")
    private Path hostsFile;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "5s",
            description = "How long a stopped script may take to exit after SIGTERM before SIGKILL (default: ${DEFAULT-VALUE}).")
    private String grace;

    @Option(names = "--archive", description = "Also writes raw.tar.gz of everything collected from the hosts.")
    private boolean archive;

    @Option(names = "--json", description = "Prints a JSON object (runDir, status, verdict, metrics) instead of the table; progress goes to stderr.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Does not echo the script's output (it is still in console.log).")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        CollectorRegistry registry = CollectorRegistry.standard();
        ConfigLoader loader = new ConfigLoader(Checks.forConfig(registry));
        ConfigLoader.Target t = loader.loadTarget(target);
        RunSpec spec = loader.resolve(t.framework(), t.test(), params);
        spec = applyOverrides(spec, registry);
        LocalHost executionHost = new LocalHost();
        StatsHosts statsHosts = StatsHosts.of(spec.framework(), hostsFile, executionHost.name());
        TestHistory history = TestHistory.of(resultsDir, spec.framework().name(), spec.test().name());
        checkWritable(history.directory());

        Triggers triggers = Triggers.fromConfig(spec.framework().triggers());
        RunControl control = new RunControl();
        RunEngine engine = RunEngine.builder(spec, executionHost, history)
                .statsHosts(statsHosts.hosts())
                .console(new TerminalConsole(json ? err : out, err, quiet))
                .judge(Checks.judge())
                .collectors(registry)
                .counterListener(triggers)
                .control(control)
                .grace(duration(grace, "--grace"))
                .archive(archive)
                .build();
        RunOutcome outcome;
        try (statsHosts; Interrupts ignored = Interrupts.cancelOnSignal(control)) {
            outcome = engine.run();
        }
        writeReport(outcome, err);
        print(outcome, registry.all().stream().map(f -> f.type()).collect(java.util.stream.Collectors.toSet()), out);
        return exitCode(outcome);
    }

    private RunSpec applyOverrides(RunSpec spec, CollectorRegistry registry) {
        RunSpec s = spec;
        if (timeout != null) {
            s = s.withTimeout(duration(timeout, "--timeout"));
        }
        if (repeat != null) {
            if (repeat < 1) {
                throw new ConfigException(Origin.of("command line: --repeat " + repeat), "must be at least 1");
            }
            s = s.withRepeat(repeat);
        }
        if (!collectors.isEmpty()) {
            List<CollectorSpec> merged = new ArrayList<>(s.collectors());
            for (String text : collectors) {
                CollectorSpec cs;
                try {
                    cs = CollectorSpec.parse(text);
                    registry.check(cs);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(Origin.of("command line: --collector " + text), e.getMessage());
                }
                merged.removeIf(c -> c.identity().equals(cs.identity()));
                merged.add(cs);
            }
            s = s.withCollectors(merged);
        }
        return s;
    }

    private static Duration duration(String text, String option) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Origin.of("command line: " + option + " " + text), e.getMessage());
        }
    }

    private static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new AccessDeniedException(dir.toString());
            }
        } catch (FileSystemException e) {
            throw new ConfigException(Origin.of(dir.toString()), "results directory is not writable ("
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()) + "); choose another with --results-dir");
        } catch (IOException e) {
            throw new ConfigException(Origin.of(dir.toString()), "results directory cannot be created: " + e.getMessage());
        }
    }

    private void print(RunOutcome outcome, java.util.Set<String> systemSources, PrintWriter out) throws IOException {
        if (json) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("runDir", outcome.directory().path().toString());
            node.put("status", outcome.status().name());
            node.put("verdict", outcome.verdict() == null ? null : outcome.verdict().name());
            if (outcome.record().reason() != null) {
                node.put("reason", outcome.record().reason());
            }
            node.set("metrics", Json.mapper().valueToTree(SummaryCodec.encode(outcome.summary()).metrics()));
            node.set("thresholds", Json.mapper().valueToTree(outcome.record().thresholds()));
            out.println(Json.mapper().writeValueAsString(node));
        } else {
            out.println();
            MetricTable.printCompact(outcome.summary(), systemSources, "perftest show " + outcome.directory().path(), out);
            out.println();
            outcome.judgement().ifPresent(j -> {
                j.report().forEach(out::println);
                out.println();
            });
            out.println("status: " + outcome.status().name().toLowerCase()
                    + (outcome.verdict() != null ? ", verdict: " + outcome.verdict().name().toLowerCase() : "")
                    + (outcome.record().reason() != null ? " (" + outcome.record().reason() + ")" : ""));
            out.println(outcome.directory().path());
        }
        out.flush();
    }

    /** Writes report.html into the run directory; a failure is a warning, never a lost run. */
    private static void writeReport(RunOutcome outcome, PrintWriter err) {
        try {
            Path report = RunReport.write(outcome.directory());
            err.println("perftest: report: " + report);
        } catch (IOException | RuntimeException e) {
            err.println("perftest: WARNING: cannot write " + RunReport.FILE_NAME + ": " + e.getMessage());
        }
        err.flush();
    }

    static int exitCode(RunOutcome outcome) {
        RunStatus status = outcome.status();
        if (status == RunStatus.ABORTED) {
            return ExitCodes.ABORTED;
        }
        if (status == RunStatus.FAILED) {
            return ExitCodes.RUN_FAILED;
        }
        return outcome.verdict() == Verdict.FAILED ? ExitCodes.THRESHOLD_FAILED : ExitCodes.OK;
    }

    /** The hooks of other packages the command line wires in. */
    static final class Checks {
        private Checks() {
        }

        static ConfigChecks forConfig(CollectorRegistry registry) {
            return ConfigChecks.NONE.withCollector(registry::check).withThreshold(ThresholdParser::check);
        }

        static RunJudge judge() {
            return new StandardRunJudge();
        }
    }
}
