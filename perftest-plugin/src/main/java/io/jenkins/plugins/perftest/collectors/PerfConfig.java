package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Linux {@code perf}: counters ({@code stat}), a sampled profile with a flame graph ({@code record}) or {@code both}: {@code perf(mode: 'record', frequency: '99')}; the core's {@code perf} collector (options {@code mode}, {@code frequency}, {@code pids}). */
public final class PerfConfig extends CollectorConfig {

    private static final long serialVersionUID = 1L;

    private String mode;
    private String pids;
    private String frequency;

    @DataBoundConstructor
    public PerfConfig() {
    }


    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    /** Further process ids to profile, {@code ;} between them. */
    public String getPids() {
        return pids;
    }

    @DataBoundSetter
    public void setPids(String pids) {
        this.pids = Util.fixEmptyAndTrim(pids);
    }

    public String getFrequency() {
        return frequency;
    }

    @DataBoundSetter
    public void setFrequency(String frequency) {
        this.frequency = Util.fixEmptyAndTrim(frequency);
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", mode);
        options.put("frequency", frequency);
        options.put("pids", pids);
        return options;
    }

    /** Symbol {@code perf}. */
    @Extension
    @Symbol("perf")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(PerfConfig.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PerfConfig_DisplayName();
        }
    }
}
