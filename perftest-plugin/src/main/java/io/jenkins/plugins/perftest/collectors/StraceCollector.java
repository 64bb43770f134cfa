package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** System call summary ({@code strace -c}) of the script's processes: {@code strace()}. */
public final class StraceCollector extends PerfTestCollector {

    private static final long serialVersionUID = 1L;

    private String mode;
    private String syscalls;

    @DataBoundConstructor
    public StraceCollector() {
    }

    @Override
    public String getType() {
        return "strace";
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    public String getSyscalls() {
        return syscalls;
    }

    @DataBoundSetter
    public void setSyscalls(String syscalls) {
        this.syscalls = Util.fixEmptyAndTrim(syscalls);
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", mode);
        options.put("syscalls", syscalls);
        return options;
    }

    /** Symbol {@code strace}. */
    @Extension
    @Symbol("strace")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(StraceCollector.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.StraceCollector_DisplayName();
        }
    }
}
