package io.jenkins.plugins.perftest.collectors;

import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.perftest.model.Durations;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The descriptor of every collector: checks the sampling interval with the core's duration parser. */
public abstract class CollectorDescriptor extends Descriptor<PerfTestCollector> {

    protected CollectorDescriptor(Class<? extends PerfTestCollector> clazz) {
        super(clazz);
    }

    @POST
    public FormValidation doCheckInterval(@QueryParameter String value, @AncestorInPath Item item) {
        if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER) : !item.hasPermission(Item.CONFIGURE)) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            if (Durations.parse(value.trim()).isZero()) {
                return FormValidation.error(Messages.CollectorDescriptor_ZeroInterval());
            }
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
