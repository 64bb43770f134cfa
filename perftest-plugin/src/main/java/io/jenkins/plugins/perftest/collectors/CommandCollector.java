package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** A command run every interval whose output is a number, recorded as a series: {@code command(name: 'queue', command: './queue-depth.sh')}. */
public final class CommandCollector extends PerfTestCollector {

    private static final long serialVersionUID = 1L;

    private String name;
    private String command;
    private String interval;
    private String unit;

    @DataBoundConstructor
    public CommandCollector() {
    }

    @Override
    public String getType() {
        return "command";
    }

    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = Util.fixEmptyAndTrim(command);
    }

    public String getInterval() {
        return interval;
    }

    @DataBoundSetter
    public void setInterval(String interval) {
        this.interval = Util.fixEmptyAndTrim(interval);
    }

    public String getUnit() {
        return unit;
    }

    @DataBoundSetter
    public void setUnit(String unit) {
        this.unit = Util.fixEmptyAndTrim(unit);
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("name", name);
        options.put("command", command);
        options.put("interval", interval);
        options.put("unit", unit);
        return options;
    }

    /** Symbol {@code command}. */
    @Extension
    @Symbol("command")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(CommandCollector.class, "command");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CommandCollector_DisplayName();
        }
    }
}
