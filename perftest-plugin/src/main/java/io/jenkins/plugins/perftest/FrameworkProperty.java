package io.jenkins.plugins.perftest;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.perftest.collectors.CollectorConfig;
import io.perftest.model.FrameworkLayer;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Makes a folder a perftest framework: the defaults every {@code perfTest} step of the jobs
 * inside inherits (execution script, declared arguments, collectors, statistics-node label,
 * timeout, repeat count, thresholds, baseline policy, extra result files, trend metrics,
 * exclusive nodes). It yields the core's {@link FrameworkLayer}; a nested folder's layer
 * overrides the fields it sets, by the core's one merge rule ({@link FrameworkLayer#stack}).
 */
public final class FrameworkProperty extends AbstractFolderProperty<AbstractFolder<?>> {

    private String script;
    private List<ScriptArgument> arguments = new ArrayList<>();
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
    public FrameworkProperty() {
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

    /** Iterations per build; 0 inherits. */
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

    /** Metric keys or globs the job page charts first, after the thresholds' metrics. */
    public String getTrendMetrics() {
        return trendMetrics;
    }

    @DataBoundSetter
    public void setTrendMetrics(String trendMetrics) {
        this.trendMetrics = Util.fixEmptyAndTrim(trendMetrics);
    }

    /** Whether the tests inside want their nodes to themselves; a job cannot turn it off. */
    public boolean isExclusive() {
        return exclusive;
    }

    @DataBoundSetter
    public void setExclusive(boolean exclusive) {
        this.exclusive = exclusive;
    }

    /** How long an exclusive test waits for its nodes ({@code 1h} when no folder says). */
    public String getExclusiveWait() {
        return exclusiveWait;
    }

    @DataBoundSetter
    public void setExclusiveWait(String exclusiveWait) {
        this.exclusiveWait = Util.fixEmptyAndTrim(exclusiveWait);
    }

    /**
     * This folder's settings as the core's layer; what the folder leaves empty is not set.
     *
     * @param where names the folder in errors and in the thresholds' origins ({@code framework web})
     * @throws IllegalArgumentException a threshold or duration the core refuses, naming where
     */
    public FrameworkLayer toLayer(String where) {
        try {
            FrameworkLayer.Builder b = Layers.framework(script, getArguments(), statisticsLabel, resultFiles, trendMetrics,
                    exclusive, exclusiveWait);
            Layers.collectors(getCollectors()).ifPresent(b::collectors);
            Layers.duration(timeout).ifPresent(b::timeout);
            Layers.repeat(repeat).ifPresent(b::repeat);
            if (thresholds != null) {
                b.thresholds(ThresholdLines.parse(thresholds, where + " thresholds"));
            }
            return b.baseline(baseline).build();
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(where) ? e
                    : new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** {@code perfTestFramework} in Configuration as Code and Job DSL. */
    @Extension
    @Symbol("perfTestFramework")
    public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.FrameworkProperty_DisplayName();
        }

        /** The help of the fields the folder shares with the step is the step's, written once. */
        public DescriptorImpl() {
            for (String field : List.of("trendMetrics", "exclusive", "exclusiveWait")) {
                addHelpFileRedirect(field, PerfTestBuilder.class, field);
            }
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
        public FormValidation doCheckScript(@QueryParameter String value, @AncestorInPath Item item) {
            return FormChecks.mayConfigure(item) ? FormChecks.script(value) : FormValidation.ok();
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
