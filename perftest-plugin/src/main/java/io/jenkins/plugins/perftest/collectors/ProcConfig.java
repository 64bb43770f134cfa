package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Per-process CPU and memory from {@code /proc}, for the script's processes and further pids: {@code proc(interval: '1s', pids: '1234;5678')}; the core's {@code proc} collector (options {@code interval}, {@code pids}). */
public final class ProcConfig extends CollectorConfig {

    private static final long serialVersionUID = 1L;

    private String interval;
    private String pids;

    @DataBoundConstructor
    public ProcConfig() {
    }


    public String getInterval() {
        return interval;
    }

    @DataBoundSetter
    public void setInterval(String interval) {
        this.interval = Util.fixEmptyAndTrim(interval);
    }

    /** Further process ids, {@code ;} between them. */
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
        options.put("interval", interval);
        options.put("pids", pids);
        return options;
    }

    /** Symbol {@code proc}. */
    @Extension
    @Symbol("proc")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(ProcConfig.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ProcConfig_DisplayName();
        }
    }
}
