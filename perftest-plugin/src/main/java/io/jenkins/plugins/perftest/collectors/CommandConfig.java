package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A command run every interval on every host of the run, whose output is one number, recorded
 * as the series {@code command.<name>}: {@code command(name: 'queue', command: 'redis-cli llen jobs', interval: '1s')}.
 * The command is split into words without a shell (quotes group words), as the core's
 * {@code run} option; {@code better} is {@code lower} or {@code higher}.
 */
public final class CommandConfig extends CollectorConfig {

    private static final long serialVersionUID = 1L;

    private String name;
    private String command;
    private String interval;
    private String unit;
    private String better;

    @DataBoundConstructor
    public CommandConfig() {
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

    public String getBetter() {
        return better;
    }

    @DataBoundSetter
    public void setBetter(String better) {
        this.better = Util.fixEmptyAndTrim(better);
    }

    /** The core calls the command line {@code run}; {@code command} is this describable's name for it. */
    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("name", name);
        options.put("run", command);
        options.put("interval", interval);
        options.put("unit", unit);
        options.put("better", better);
        return options;
    }

    /** Symbol {@code command}. */
    @Extension
    @Symbol("command")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(CommandConfig.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CommandConfig_DisplayName();
        }

        @Override
        protected Map<String, String> requiredStandIns() {
            return Map.of("name", "counter", "run", "true");
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value, @AncestorInPath Item item) {
            return check("name", value, item);
        }

        @POST
        public FormValidation doCheckCommand(@QueryParameter String value, @AncestorInPath Item item) {
            return check("run", value, item);
        }

        @POST
        public FormValidation doCheckBetter(@QueryParameter String value, @AncestorInPath Item item) {
            return check("better", value, item);
        }
    }
}
