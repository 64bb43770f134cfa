package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.perftest.model.Parameter;
import java.io.Serializable;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A declared argument of the execution script: passed in declaration order as one argv entry
 * and as {@code PERFTEST_PARAM_<NAME>}. A build parameter of the same name overrides the default.
 */
public final class ScriptArgument extends AbstractDescribableImpl<ScriptArgument> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private String defaultValue;
    private String description;

    @DataBoundConstructor
    public ScriptArgument(String name) {
        this.name = Util.fixNull(name).trim();
    }

    public String getName() {
        return name;
    }

    /** The default value; empty means the argument is required (a build parameter must set it). */
    public String getDefaultValue() {
        return defaultValue;
    }

    @DataBoundSetter
    public void setDefaultValue(String defaultValue) {
        this.defaultValue = Util.fixEmpty(defaultValue);
    }

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    /** The core's form of this argument. */
    Parameter toParameter() {
        return new Parameter(name, defaultValue, description);
    }

    /** Declares {@code argument(name: 'size', defaultValue: '64M')}. */
    @Extension
    @Symbol("argument")
    public static final class DescriptorImpl extends Descriptor<ScriptArgument> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ScriptArgument_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value, @AncestorInPath Item item) {
            if (!FormChecks.mayConfigure(item)) {
                return FormValidation.ok();
            }
            String name = Util.fixNull(value).trim();
            if (name.isEmpty()) {
                return FormValidation.error(Messages.ScriptArgument_NameRequired());
            }
            try {
                new Parameter(name, null, null);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
