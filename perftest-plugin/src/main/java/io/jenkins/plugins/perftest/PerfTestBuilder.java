package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.jenkins.plugins.perftest.collectors.CollectorConfig;
import io.perftest.model.FrameworkLayer;
import io.perftest.model.Origin;
import io.perftest.model.TestSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Runs a performance test: the execution script on the build's node, collectors there and on
 * every online node of the statistics label, then the results on the build page. A freestyle
 * build step and the pipeline step {@code perfTest}. Every field is optional and defaults to the
 * enclosing framework folder's ({@link FrameworkProperty}); build parameters named like a
 * declared argument set its value.
 */
public final class PerfTestBuilder extends Builder implements SimpleBuildStep {

    private String test;
    private String script;
    private List<ScriptArgument> arguments = new ArrayList<>();
    private String parameters;
    private List<CollectorConfig> collectors = new ArrayList<>();
    private String statisticsLabel;
    private String timeout;
    private int repeat;
    private String thresholds;
    private String baseline;
    private String resultFiles;
    private String trendMetrics;
    private boolean exclusive;
    private String exclusiveWait;

    @DataBoundConstructor
    public PerfTestBuilder() {
    }

    /** The test's name (its results' directory); the job's name when empty. */
    public String getTest() {
        return test;
    }

    @DataBoundSetter
    public void setTest(String test) {
        this.test = Util.fixEmptyAndTrim(test);
    }

    public String getScript() {
        return script;
    }

    @DataBoundSetter
    public void setScript(String script) {
        this.script = Util.fixEmptyAndTrim(script);
    }

    @NonNull
    public List<ScriptArgument> getArguments() {
        return arguments == null ? List.of() : List.copyOf(arguments);
    }

    @DataBoundSetter
    public void setArguments(List<ScriptArgument> arguments) {
        this.arguments = arguments == null ? new ArrayList<>() : new ArrayList<>(arguments);
    }

    /** Values of declared arguments, {@code NAME=VALUE} one per line; build parameters override them. */
    public String getParameters() {
        return parameters;
    }

    @DataBoundSetter
    public void setParameters(String parameters) {
        this.parameters = Util.fixEmptyAndTrim(parameters);
    }

    @NonNull
    public List<CollectorConfig> getCollectors() {
        return collectors == null ? List.of() : List.copyOf(collectors);
    }

    @DataBoundSetter
    public void setCollectors(List<CollectorConfig> collectors) {
        this.collectors = collectors == null ? new ArrayList<>() : new ArrayList<>(collectors);
    }

    public String getStatisticsLabel() {
        return statisticsLabel;
    }

    @DataBoundSetter
    public void setStatisticsLabel(String statisticsLabel) {
        this.statisticsLabel = Util.fixEmptyAndTrim(statisticsLabel);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public int getRepeat() {
        return repeat;
    }

    @DataBoundSetter
    public void setRepeat(int repeat) {
        this.repeat = Math.max(0, repeat);
    }

    public String getThresholds() {
        return thresholds;
    }

    @DataBoundSetter
    public void setThresholds(String thresholds) {
        this.thresholds = Util.fixEmptyAndTrim(thresholds);
    }

    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = Util.fixEmptyAndTrim(baseline);
    }

    public String getResultFiles() {
        return resultFiles;
    }

    @DataBoundSetter
    public void setResultFiles(String resultFiles) {
        this.resultFiles = Util.fixEmptyAndTrim(resultFiles);
    }

    /** Metric keys or globs the job page charts first, after the thresholds' metrics; the folder's when empty. */
    public String getTrendMetrics() {
        return trendMetrics;
    }

    @DataBoundSetter
    public void setTrendMetrics(String trendMetrics) {
        this.trendMetrics = Util.fixEmptyAndTrim(trendMetrics);
    }

    /**
     * Whether the run wants its nodes to itself: it waits until no other build runs on the
     * execution node and the statistics nodes, then holds them. A framework folder that asks for
     * it applies to every job inside (a job cannot turn it off).
     */
    public boolean isExclusive() {
        return exclusive;
    }

    @DataBoundSetter
    public void setExclusive(boolean exclusive) {
        this.exclusive = exclusive;
    }

    /** How long an exclusive run waits for its nodes; the folder's, else 1h, when empty. */
    public String getExclusiveWait() {
        return exclusiveWait;
    }

    @DataBoundSetter
    public void setExclusiveWait(String exclusiveWait) {
        this.exclusiveWait = Util.fixEmptyAndTrim(exclusiveWait);
    }

    /**
     * The step's "override the framework" fields as the innermost layer of the framework.
     *
     * @throws IllegalArgumentException a duration the core cannot read
     */
    FrameworkLayer toLayer() {
        return Layers.framework(script, getArguments(), statisticsLabel, resultFiles, trendMetrics, exclusive,
                exclusiveWait).build();
    }

    /**
     * The step as the core's test: its name, parameter values, and the overrides a test may make
     * (timeout, repeat, collectors, baseline; its thresholds add to the framework's).
     *
     * @param where names the job in errors and origins ({@code job web/t})
     * @throws IllegalArgumentException a parameter line, threshold or duration the core refuses, naming the line
     */
    TestSpec toTestSpec(String testName, String where) {
        Origin origin = Origin.of(where);
        Map<String, String> values;
        try {
            values = ParameterLines.parse(parameters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " parameters: " + e.getMessage(), e);
        }
        Map<String, Origin> origins = new LinkedHashMap<>();
        values.keySet().forEach(k -> origins.put(k, Origin.of(where + " parameters")));
        return new TestSpec(testName, "", values, origins, Layers.duration(timeout), Layers.repeat(repeat),
                Layers.collectors(getCollectors()), ThresholdLines.parse(thresholds, where + " thresholds"),
                Optional.ofNullable(baseline), origin);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                        @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        PerfTestExecution.prepare(this, run, workspace, launcher, listener).execute();
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    /** {@code perfTest(...)} in pipelines. */
    @Extension
    @Symbol("perfTest")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PerfTestBuilder_DisplayName();
        }

        @POST
        public FormValidation doCheckTest(@QueryParameter String value, @AncestorInPath Item item) {
            if (!FormChecks.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.testName(value);
        }

        @POST
        public FormValidation doCheckScript(@QueryParameter String value, @AncestorInPath Item item) {
            if (!FormChecks.mayConfigure(item) || Util.fixEmptyAndTrim(value) != null) {
                return FormValidation.ok();
            }
            if (item != null && FrameworkDefaults.of(item).getScript() != null) {
                return FormValidation.ok(Messages.PerfTestBuilder_ScriptFromFramework(FrameworkDefaults.of(item).getScript()));
            }
            return FormValidation.error(Messages.PerfTestBuilder_ScriptRequired());
        }

        @POST
        public FormValidation doCheckParameters(@QueryParameter String value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.parameters(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTimeout(@QueryParameter String value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.duration(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckRepeat(@QueryParameter int value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.repeat(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckThresholds(@QueryParameter String value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.thresholds(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckBaseline(@QueryParameter String value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.baseline(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckStatisticsLabel(@QueryParameter String value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.label(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTrendMetrics(@QueryParameter String value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.trendMetrics(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckExclusiveWait(@QueryParameter String value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.exclusiveWait(value) : FormValidation.ok();
        }
    }
}
