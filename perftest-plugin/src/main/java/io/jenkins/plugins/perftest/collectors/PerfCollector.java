package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Linux {@code perf}: counters ({@code stat}) or a sampled profile with a flame graph ({@code record}): {@code perf(mode: 'record')}. */
public final class PerfCollector extends PerfTestCollector {

    private static final long serialVersionUID = 1L;

    private String mode;
    private String events;
    private String frequency;

    @DataBoundConstructor
    public PerfCollector() {
    }

    @Override
    public String getType() {
        return "perf";
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    public String getEvents() {
        return events;
    }

    @DataBoundSetter
    public void setEvents(String events) {
        this.events = Util.fixEmptyAndTrim(events);
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
        options.put("events", events);
        options.put("frequency", frequency);
        return options;
    }

    /** Symbol {@code perf}. */
    @Extension
    @Symbol("perf")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(PerfCollector.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PerfCollector_DisplayName();
        }
    }
}
