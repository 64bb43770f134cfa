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
 * JVM counters (heap, GC, threads, CPU) and named MBean attributes polled over remote JMX:
 * {@code jmx(url: '127.0.0.1:9010', wait: '30s', attributes: 'Catalina:type=ThreadPool,name="http-nio-8080"/currentThreadsBusy')}.
 * The options are the core's ({@code io.perftest.collect.JmxConfig}): url, interval,
 * attributes, wait, userEnv, passwordEnv (names of environment variables, never the secrets
 * themselves), host.
 */
public final class JmxConfig extends CollectorConfig {

    private static final long serialVersionUID = 1L;

    private String url;
    private String interval;
    private String attributes;
    private String waitFor;
    private String userEnv;
    private String passwordEnv;
    private String host;

    @DataBoundConstructor
    public JmxConfig() {
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

    public String getWait() {
        return waitFor;
    }

    @DataBoundSetter
    public void setWait(String wait) {
        this.waitFor = Util.fixEmptyAndTrim(wait);
    }

    public String getUserEnv() {
        return userEnv;
    }

    @DataBoundSetter
    public void setUserEnv(String userEnv) {
        this.userEnv = Util.fixEmptyAndTrim(userEnv);
    }

    public String getPasswordEnv() {
        return passwordEnv;
    }

    @DataBoundSetter
    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = Util.fixEmptyAndTrim(passwordEnv);
    }

    public String getHost() {
        return host;
    }

    @DataBoundSetter
    public void setHost(String host) {
        this.host = Util.fixEmptyAndTrim(host);
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("url", url);
        options.put("interval", interval);
        options.put("attributes", attributes);
        options.put("wait", waitFor);
        options.put("userEnv", userEnv);
        options.put("passwordEnv", passwordEnv);
        options.put("host", host);
        return options;
    }

    /** Symbol {@code jmx}. */
    @Extension
    @Symbol("jmx")
    public static final class DescriptorImpl extends CollectorDescriptor {

        public DescriptorImpl() {
            super(JmxConfig.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.JmxConfig_DisplayName();
        }

        @Override
        protected Map<String, String> requiredStandIns() {
            return Map.of("url", "127.0.0.1:9010");
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value, @AncestorInPath Item item) {
            return check("url", value, item);
        }

        @POST
        public FormValidation doCheckAttributes(@QueryParameter String value, @AncestorInPath Item item) {
            return check("attributes", value, item);
        }

        @POST
        public FormValidation doCheckWait(@QueryParameter String value, @AncestorInPath Item item) {
            return check("wait", value, item);
        }

        @POST
        public FormValidation doCheckUserEnv(@QueryParameter String value, @AncestorInPath Item item) {
            return check("userEnv", value, item);
        }

        @POST
        public FormValidation doCheckPasswordEnv(@QueryParameter String value, @AncestorInPath Item item) {
            return check("passwordEnv", value, item);
        }
    }
}
