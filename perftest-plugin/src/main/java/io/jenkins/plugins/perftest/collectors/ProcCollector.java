package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Per-process CPU and memory from {@code /proc}, for the script's processes or those matching a pattern: {@code proc(interval: '1s', pattern: 'java')}. */
public final class ProcCollector extends PerfTestCollector {

    private static final long serialVersionUID = 1L;

    private String interval;
    private String pattern;

    @DataBoundConstructor
    public ProcCollector() {
    }

    @Override
    public String getType() {
        return "proc";
    }

    public String getInterval() {
        return interval;
    }

    @DataBoundSetter
    public void setInterval(String interval) {
        this.interval = Util.fixEmptyAndTrim(interval);
    }

    public String getPattern() {
        return pattern;
    }

    @DataBoundSetter
    public void setPattern(String pattern) {
        this.pattern = Util.fixEmptyAndTrim(pattern);
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("interval", interval);
        options.put("pattern", pattern);
        return options;
    }

    /** Symbol {@code proc}. */
    @Extension
    @Symbol("proc")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(ProcCollector.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ProcCollector_DisplayName();
        }
    }
}
