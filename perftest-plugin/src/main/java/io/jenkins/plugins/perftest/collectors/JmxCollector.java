package io.jenkins.plugins.perftest.collectors;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** JMX attributes of a JVM polled over a service URL: {@code jmx(url: 'service:jmx:rmi:///jndi/rmi://localhost:9010/jmxrmi')}. */
public final class JmxCollector extends PerfTestCollector {

    private static final long serialVersionUID = 1L;

    private String url;
    private String interval;
    private String attributes;

    @DataBoundConstructor
    public JmxCollector() {
    }

    @Override
    public String getType() {
        return "jmx";
    }

    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = Util.fixEmptyAndTrim(url);
    }

    public String getInterval() {
        return interval;
    }

    @DataBoundSetter
    public void setInterval(String interval) {
        this.interval = Util.fixEmptyAndTrim(interval);
    }

    public String getAttributes() {
        return attributes;
    }

    @DataBoundSetter
    public void setAttributes(String attributes) {
        this.attributes = Util.fixEmptyAndTrim(attributes);
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("url", url);
        options.put("interval", interval);
        options.put("attributes", attributes);
        return options;
    }

    /** Symbol {@code jmx}. */
    @Extension
    @Symbol("jmx")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(JmxCollector.class, "jmx");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.JmxCollector_DisplayName();
        }
    }
}
