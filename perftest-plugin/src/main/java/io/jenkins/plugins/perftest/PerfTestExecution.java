package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.perftest.collectors.PerfTestCollector;
import io.perftest.analysis.StandardRunJudge;
import io.perftest.analysis.ThresholdParser;
import io.perftest.collect.CollectorRegistry;
import io.perftest.config.ConfigLoader;
import io.perftest.host.Host;
import io.perftest.model.CollectorSpec;
import io.perftest.model.ConfigException;
import io.perftest.model.Durations;
import io.perftest.model.Framework;
import io.perftest.model.Origin;
import io.perftest.model.RunSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.SourcedText;
import io.perftest.model.TestSpec;
import io.perftest.model.Verdict;
import io.perftest.run.RunControl;
import io.perftest.run.RunEngine;
import io.perftest.run.RunOutcome;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final List<Host> statisticsHosts;
    private final String testName;

    private PerfTestExecution(Run<?, ?> run, TaskListener listener, RunSpec spec, Host executionHost,
                              List<Host> statisticsHosts, String testName) {
        this.run = run;
        this.listener = listener;
        this.spec = spec;
        this.executionHost = executionHost;
        this.statisticsHosts = statisticsHosts;
        this.testName = testName;
    }

    static PerfTestExecution prepare(PerfTestBuilder step, Run<?, ?> run, FilePath workspace, Launcher launcher,
                                     TaskListener listener) throws IOException, InterruptedException {
        Job<?, ?> job = run.getParent();
        FrameworkDefaults fw = FrameworkDefaults.of(job);
        PerfTestGlobalConfiguration global = PerfTestGlobalConfiguration.get();

        String scriptText = firstNonNull(step.getScript(), fw.getScript());
        if (scriptText == null) {
            throw new AbortException(Messages.PerfTestExecution_NoScript());
        }
        FilePath script = workspace.child(scriptText);
        if (!script.exists()) {
            throw new AbortException(Messages.PerfTestExecution_ScriptMissing(scriptText, workspace.getRemote()));
        }
        String testName = firstNonNull(step.getTest(), job.getName());
        if (!FormChecks.TEST_NAME.matcher(testName).matches()) {
            testName = RunDirectory.safeName(testName);
        }
        String frameworkName = fw.getFrameworkName() != null ? fw.getFrameworkName() : "jenkins";
        Origin origin = Origin.of("job " + job.getFullName());

        Framework.Builder b = Framework.builder(frameworkName)
                .directory(Path.of(workspace.getRemote()))
                .script(Path.of(script.getRemote()));
        List<ScriptArgument> arguments = step.getArguments().isEmpty() ? fw.getArguments() : step.getArguments();
        try {
            for (ScriptArgument a : arguments) {
                b.argument(a.toParameter());
            }
            String timeout = firstNonNull(step.getTimeout(), fw.getTimeout());
            if (timeout != null) {
                b.timeout(Durations.parse(timeout));
            }
            b.repeat(step.getRepeat() > 0 ? step.getRepeat() : fw.getRepeat() > 0 ? fw.getRepeat() : 1);
            b.baseline(firstNonNull(step.getBaseline(), fw.getBaseline(), Framework.DEFAULT_BASELINE));
        } catch (IllegalArgumentException e) {
            throw new AbortException("perfTest: " + e.getMessage());
        }
        CollectorRegistry registry = CollectorRegistry.standard();
        for (PerfTestCollector c : collectors(step, fw, global)) {
            CollectorSpec collector = c.toSpec();
            try {
                registry.check(collector); // the core's factory: unknown type, unknown or bad option
            } catch (IllegalArgumentException e) {
                throw new AbortException("perfTest: " + e.getMessage());
            }
            b.collector(collector);
        }
        try {
            thresholds(fw.getThresholds(), "framework " + frameworkName).forEach(b::threshold);
            thresholds(step.getThresholds(), "job " + job.getFullName()).forEach(b::threshold);
        } catch (IllegalArgumentException e) {
            throw new AbortException("perfTest: " + e.getMessage());
        }
        for (String glob : Util.fixNull(firstNonNull(step.getResultFiles(), fw.getResultFiles())).split("[,\\n]")) {
            if (!glob.isBlank()) {
                b.resultFile(glob.trim());
            }
        }
        Framework framework = b.build();

        Map<String, String> overrides = new LinkedHashMap<>();
        try {
            overrides.putAll(ParameterLines.parse(step.getParameters()));
        } catch (IllegalArgumentException e) {
            throw new AbortException("perfTest: parameters: " + e.getMessage());
        }
        overrides.putAll(buildParameters(run, framework, listener));
        RunSpec spec;
        try {
            spec = new ConfigLoader().resolve(framework, TestSpec.defaults(testName, origin), overrides);
        } catch (ConfigException e) {
            throw new AbortException("perfTest: " + e.getMessage());
        }

        Computer computer = workspace.toComputer();
        String executionNode = StatisticsNodes.hostName(computer);
        Host executionHost = new JenkinsNodeHost(executionNode, workspace, launcher);
        String label = firstNonNull(step.getStatisticsLabel(), fw.getStatisticsLabel());
        List<Host> statisticsHosts = label == null ? List.of()
                : StatisticsNodes.hosts(label, executionNode, listener);
        return new PerfTestExecution(run, listener, spec, executionHost, statisticsHosts, testName);
    }

    /** Step's collectors, else the framework's, else the global defaults. */
    private static List<PerfTestCollector> collectors(PerfTestBuilder step, FrameworkDefaults fw,
                                                      PerfTestGlobalConfiguration global) {
        if (!step.getCollectors().isEmpty()) {
            return step.getCollectors();
        }
        if (!fw.getCollectors().isEmpty()) {
            return fw.getCollectors();
        }
        return global.getDefaultCollectors();
    }

    /**
     * One threshold per line, each checked with the core's parser so that a mistake stops the
     * build before anything runs, naming where it is: {@code job web/t thresholds, line 2: column 23: ...}.
     */
    private static List<SourcedText> thresholds(@CheckForNull String text, String where) {
        List<SourcedText> out = new ArrayList<>();
        int line = 0;
        for (String expression : Util.fixNull(text).split("\\R")) {
            line++;
            String t = expression.trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                Origin origin = new Origin(where + " thresholds", line, 0);
                try {
                    ThresholdParser.check(t);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
                }
                out.add(new SourcedText(t, origin));
            }
        }
        return out;
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

    void execute() throws IOException, InterruptedException {
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
        if (outcome != null) {
            attach(outcome, global);
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

    private void attach(RunOutcome outcome, PerfTestGlobalConfiguration global) throws IOException {
        String urlName = run.getActions(PerfTestBuildAction.class).isEmpty() ? PerfTestBuildAction.URL_NAME
                : PerfTestBuildAction.URL_NAME + "-" + testName;
        run.addAction(PerfTestBuildAction.of(urlName, testName, BUILD_SUBDIRECTORY + "/" + testName, outcome));
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

    @CheckForNull
    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
