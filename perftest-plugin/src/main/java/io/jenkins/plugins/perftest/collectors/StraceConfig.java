package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * System call summary ({@code strace -c -f}) of the script's processes, optionally with the full
 * trace: {@code strace()}, {@code strace(trace: true)}; the core's {@code strace} collector
 * (options {@code trace}, {@code pids}).
 */
public final class StraceConfig extends CollectorConfig {

    private static final long serialVersionUID = 1L;

    private boolean trace;
    private String pids;

    @DataBoundConstructor
    public StraceConfig() {
    }


    /** Whether the full {@code -tt -T} trace is kept beside the summary. */
    public boolean isTrace() {
        return trace;
    }

    @DataBoundSetter
    public void setTrace(boolean trace) {
        this.trace = trace;
    }

    /** Further process ids to attach to, {@code ;} between them. */
    public String getPids() {
        return pids;
    }

    @DataBoundSetter
    public void setPids(String pids) {
        this.pids = Util.fixEmptyAndTrim(pids);
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("trace", trace ? "true" : null);
        options.put("pids", pids);
        return options;
    }

    /** Symbol {@code strace}. */
    @Extension
    @Symbol("strace")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(StraceConfig.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.StraceConfig_DisplayName();
        }
    }
}
