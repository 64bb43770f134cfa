package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Node;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.perftest.analysis.StandardRunJudge;
import io.perftest.collect.CollectorRegistry;
import io.perftest.config.ConfigLoader;
import io.perftest.host.Host;
import io.perftest.model.ConfigException;
import io.perftest.model.Framework;
import io.perftest.model.FrameworkLayer;
import io.perftest.model.Origin;
import io.perftest.model.RunSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.Verdict;
import io.perftest.run.RunControl;
import io.perftest.run.RunEngine;
import io.perftest.report.RunReport;
import io.perftest.run.RunOutcome;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code perfTest} of a build: resolves the spec (step fields, framework folders, global
 * defaults, build parameters), runs the core's {@link RunEngine} with the build's node as the
 * execution host and the statistics nodes as statistics hosts, attaches the
 * {@link PerfTestBuildAction} and sets the build's result from the verdict.
 *
 * <p>The engine runs on its own thread so that aborting the build does not interrupt remoting
 * calls half-way: an abort becomes {@link RunControl#cancel}, the engine stops the script and
 * the collectors on every node, collects what there is and cleans up, and then the build ends
 * aborted with the partial results attached.
 */
final class PerfTestExecution {

    /** Directory under the build's directory holding one run per test. */
    static final String BUILD_SUBDIRECTORY = "perftest";
    /** How long an aborted run may take to stop, collect and clean up before the build gives up on it. */
    static final long CLEANUP_LIMIT_SECONDS = Long.getLong(PerfTestExecution.class.getName() + ".cleanupLimitSeconds", 300);

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final RunSpec spec;
    private final Host executionHost;
    private final List<Node> nodes;
    private final List<Node> statisticsNodes;
    private final String testName;

    private PerfTestExecution(Run<?, ?> run, TaskListener listener, RunSpec spec, Host executionHost,
                              @CheckForNull Computer executionComputer, List<Node> statisticsNodes, String testName) {
        this.run = run;
        this.listener = listener;
        this.spec = spec;
        this.executionHost = executionHost;
        this.statisticsNodes = List.copyOf(statisticsNodes);
        List<Node> all = new ArrayList<>();
        Node executionNode = executionComputer == null ? null : executionComputer.getNode();
        if (executionNode != null) {
            all.add(executionNode);
        }
        all.addAll(statisticsNodes);
        this.nodes = List.copyOf(all);
        this.testName = testName;
    }

    static PerfTestExecution prepare(PerfTestBuilder step, Run<?, ?> run, FilePath workspace, Launcher launcher,
                                     TaskListener listener) throws IOException, InterruptedException {
        Job<?, ?> job = run.getParent();
        FrameworkDefaults folders = FrameworkDefaults.of(job);
        String where = "job " + job.getFullName();
        String testName = step.getTest() != null ? step.getTest() : job.getName();
        if (!ConfigLoader.isValidName(testName)) {
            testName = RunDirectory.safeName(testName);
        }
        String frameworkName = folders.getFrameworkName() != null ? folders.getFrameworkName() : "jenkins";

        // the step's overrides, then the framework folders (innermost first), then the global defaults:
        // the core merges them by its one rule, then lets the test's own values override the framework's
        RunSpec spec;
        try {
            List<FrameworkLayer> layers = new ArrayList<>();
            layers.add(step.toLayer());
            layers.addAll(folders.layers());
            layers.add(PerfTestGlobalConfiguration.get().toLayer());
            ConfigLoader loader = new ConfigLoader();
            Framework framework = loader.framework(frameworkName, Path.of(workspace.getRemote()), layers, Origin.of(where));
            spec = loader.resolve(framework, step.toTestSpec(testName, where), buildParameters(run, framework, listener));
            CollectorRegistry registry = CollectorRegistry.standard();
            spec.collectors().forEach(registry::check); // the core's factory: unknown type, unknown or bad option
        } catch (ConfigException e) {
            throw new AbortException(e.getMessage().contains("no execution script") ? Messages.PerfTestExecution_NoScript()
                    : "perfTest: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AbortException("perfTest: " + e.getMessage());
        }
        FilePath script = new FilePath(workspace.getChannel(), spec.framework().script().toString());
        if (!script.exists()) {
            throw new AbortException(Messages.PerfTestExecution_ScriptMissing(script.getRemote(), workspace.getRemote()));
        }

        Computer computer = workspace.toComputer();
        String executionNode = StatisticsNodes.hostName(computer);
        Host executionHost = new JenkinsNodeHost(executionNode, workspace, launcher);
        List<Node> statisticsNodes = new ArrayList<>();
        for (String label : spec.statsHosts()) {
            statisticsNodes.addAll(StatisticsNodes.online(label, executionNode, listener));
        }
        return new PerfTestExecution(run, listener, spec, executionHost, computer, statisticsNodes, testName);
    }

    /** Build parameters named like a declared argument; sensitive ones are never passed. */
    private static Map<String, String> buildParameters(Run<?, ?> run, Framework framework, TaskListener listener) {
        Map<String, String> values = new LinkedHashMap<>();
        ParametersAction action = run.getAction(ParametersAction.class);
        if (action == null) {
            return values;
        }
        for (ParameterValue v : action.getParameters()) {
            if (framework.argument(v.getName()).isEmpty() || v.getValue() == null) {
                continue;
            }
            if (v.isSensitive()) {
                listener.getLogger().println(Messages.PerfTestExecution_SensitiveParameter(v.getName()));
                continue;
            }
            values.put(v.getName(), String.valueOf(v.getValue()));
        }
        return values;
    }

    /**
     * Runs the test: on exclusive nodes (waiting for them first) when the framework asks for it;
     * otherwise the other builds found on the nodes are told to the log and the build page.
     */
    void execute() throws IOException, InterruptedException {
        NodeReservations reservations = NodeReservations.get();
        if (!spec.framework().exclusive()) {
            run(reservations);
            return;
        }
        try (NodeReservations.Hold hold = reservations.acquire(run, nodes, spec.framework().exclusiveWait(), listener.getLogger())) {
            run(reservations);
        }
    }

    private void run(NodeReservations reservations) throws IOException, InterruptedException {
        Set<String> otherBuilds = new LinkedHashSet<>(reservations.otherBuilds(run, nodes));
        List<Host> statisticsHosts = new ArrayList<>();
        for (Node node : statisticsNodes) {
            Host host = StatisticsNodes.host(node, listener);
            if (host != null) {
                statisticsHosts.add(host);
            }
        }
        RunControl control = new RunControl();
        TestHistory history = history(run, testName);
        PerfTestGlobalConfiguration global = PerfTestGlobalConfiguration.get();
        RunEngine engine = RunEngine.builder(spec, executionHost, history)
                .statsHosts(statisticsHosts)
                .console(new ListenerConsole(listener))
                .control(control)
                .judge(new StandardRunJudge())
                .archive(global.isArchiveRawData())
                .build();

        FutureTask<RunOutcome> task = new FutureTask<>(engine::run);
        Thread thread = new Thread(task, "perftest " + run.getExternalizableId() + " " + testName);
        // the core finds its collectors and result parsers with ServiceLoader, through the context class loader
        thread.setContextClassLoader(PerfTestExecution.class.getClassLoader());
        thread.setDaemon(true);
        thread.start();

        RunOutcome outcome;
        boolean aborted = false;
        try {
            outcome = task.get();
        } catch (InterruptedException e) {
            aborted = true;
            control.cancel(Messages.PerfTestExecution_Aborted());
            listener.getLogger().println(Messages.PerfTestExecution_Stopping());
            outcome = awaitAfterAbort(task);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
        otherBuilds.addAll(reservations.otherBuilds(run, nodes));
        if (!otherBuilds.isEmpty()) {
            listener.getLogger().println(Messages.NodeReservations_OtherBuilds(String.join("; ", otherBuilds)));
        }
        if (outcome != null) {
            attach(outcome, global, List.copyOf(otherBuilds));
        }
        if (aborted) {
            throw new InterruptedException(Messages.PerfTestExecution_Aborted());
        }
        conclude(outcome);
    }

    /** The history of a test in a job: run N is {@code <job>/builds/N/perftest/<test>/}. */
    static TestHistory history(Run<?, ?> run, String testName) {
        return TestHistory.inBuilds(run.getRootDir().getParentFile().toPath(), BUILD_SUBDIRECTORY + "/" + testName,
                run.getNumber());
    }

    /** Waits (bounded, ignoring further aborts) for the engine to finish stopping and cleaning up. */
    @CheckForNull
    private RunOutcome awaitAfterAbort(FutureTask<RunOutcome> task) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLEANUP_LIMIT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                listener.getLogger().println(Messages.PerfTestExecution_CleanupTooLong(CLEANUP_LIMIT_SECONDS));
                return null;
            }
            try {
                return task.get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException again) {
                // a second abort: keep waiting for the cleanup, which is bounded by the engine's grace
            } catch (TimeoutException e) {
                return null;
            } catch (ExecutionException e) {
                IOException failure = rethrow(e);
                listener.getLogger().println(failure.getMessage());
                return null;
            }
        }
    }

    private static IOException rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    private void attach(RunOutcome outcome, PerfTestGlobalConfiguration global, List<String> otherBuilds) throws IOException {
        String urlName = run.getActions(PerfTestBuildAction.class).isEmpty() ? PerfTestBuildAction.URL_NAME
                : PerfTestBuildAction.URL_NAME + "-" + testName;
        try {
            RunReport.write(outcome.directory()); // the run's page, as perftest run writes it; served by the action
        } catch (IOException | RuntimeException e) {
            listener.getLogger().println(Messages.PerfTestExecution_ReportFailed(e.getMessage()));
        }
        run.addAction(PerfTestBuildAction.of(urlName, testName, BUILD_SUBDIRECTORY + "/" + testName, outcome, otherBuilds));
        RawDataRetention.apply(run, BUILD_SUBDIRECTORY + "/" + testName, global.getKeepRawDataBuilds(), listener);
    }

    /** The build's result from the run's status and verdict. */
    private void conclude(RunOutcome outcome) throws AbortException {
        RunStatus status = outcome.status();
        String reason = Optional.ofNullable(outcome.record().reason()).orElse(status.name());
        if (status == RunStatus.FAILED) {
            throw new AbortException(Messages.PerfTestExecution_Failed(reason));
        }
        if (status == RunStatus.ABORTED) {
            throw new AbortException(Messages.PerfTestExecution_RunAborted(reason));
        }
        Verdict verdict = outcome.verdict();
        if (verdict == Verdict.FAILED) {
            throw new AbortException(Messages.PerfTestExecution_ThresholdsFailed());
        }
        if (verdict == Verdict.UNSTABLE) {
            run.setResult(Result.UNSTABLE);
        }
    }
}
