package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** System activity (CPU, memory, disks, network) sampled by {@code sar} of sysstat: {@code sar(interval: '1s')}; the core's {@code sar} collector
 * (option {@code interval}, whole seconds). */
public final class SarConfig extends CollectorConfig {

    private static final long serialVersionUID = 1L;

    private String interval;

    @DataBoundConstructor
    public SarConfig() {
    }


    public String getInterval() {
        return interval;
    }

    @DataBoundSetter
    public void setInterval(String interval) {
        this.interval = Util.fixEmptyAndTrim(interval);
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("interval", interval);
        return options;
    }

    /** Symbol {@code sar}. */
    @Extension
    @Symbol("sar")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(SarConfig.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.SarConfig_DisplayName();
        }
    }
}
