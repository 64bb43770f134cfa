package io.jenkins.plugins.perftest.collectors;

import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.perftest.FormChecks;
import io.perftest.collect.CollectorRegistry;
import io.perftest.model.CollectorSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of every collector. Its form checks ask the core's factory of the same type
 * ({@link CollectorRegistry#check}), so the form says exactly what a run would say about an
 * option; they answer only users who may configure the job or folder (or Jenkins, on the global
 * page).
 */
public abstract class CollectorDescriptor extends Descriptor<CollectorConfig> {

    private final String type;

    /** The type is this descriptor's {@code @Symbol} ({@code sar}, {@code proc}, ...), the core's name of the collector. */
    protected CollectorDescriptor(Class<? extends CollectorConfig> clazz) {
        super(clazz);
        Symbol symbol = getClass().getAnnotation(Symbol.class);
        if (symbol == null || symbol.value().length != 1) {
            throw new IllegalStateException(getClass().getName() + " needs one @Symbol: the core's collector type");
        }
        this.type = symbol.value()[0];
    }

    /** The core's name of the collector: the symbol pipelines and Configuration as Code use. */
    public String getType() {
        return type;
    }

    @POST
    public FormValidation doCheckInterval(@QueryParameter String value, @AncestorInPath Item item) {
        return check("interval", value, item);
    }

    @POST
    public FormValidation doCheckPids(@QueryParameter String value, @AncestorInPath Item item) {
        return check("pids", value, item);
    }

    @POST
    public FormValidation doCheckMode(@QueryParameter String value, @AncestorInPath Item item) {
        return check("mode", value, item);
    }

    @POST
    public FormValidation doCheckFrequency(@QueryParameter String value, @AncestorInPath Item item) {
        return check("frequency", value, item);
    }

    /**
     * Stand-ins for the options this type requires, so that one option can be checked alone
     * (the core's factory refuses a spec without them); none by default.
     */
    protected Map<String, String> requiredStandIns() {
        return Map.of();
    }

    /** One option alone, checked by the core's factory of this type. */
    protected FormValidation check(String key, String value, Item item) {
        if (!FormChecks.mayConfigure(item)) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        Map<String, String> options = new LinkedHashMap<>(requiredStandIns());
        options.put(key, value.trim());
        try {
            CollectorRegistry.standard().check(new CollectorSpec(type, options));
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
