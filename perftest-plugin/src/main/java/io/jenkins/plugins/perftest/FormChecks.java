package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Label;
import hudson.util.FormValidation;
import io.perftest.config.ConfigLoader;
import io.perftest.model.Durations;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;

/**
 * The form checks shared by the builder, the folder property, the collectors and the global
 * configuration. They use the core's own parsers, so the form says exactly what a run would
 * say. Callers are {@code @POST} web methods; {@link #mayConfigure} is their one permission check.
 */
public final class FormChecks {

    private static final Pattern LABEL_CHARS = Pattern.compile("[^\\r\\n]*");

    private FormChecks() {
    }

    /**
     * Whether the current user may configure {@code item} (or Jenkins, when there is no item).
     * Validation answers nothing to users without that permission.
     */
    public static boolean mayConfigure(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.CONFIGURE);
    }

    static FormValidation duration(@CheckForNull String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.ok();
        }
        try {
            Durations.parse(text);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation script(@CheckForNull String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.warning(Messages.FormChecks_ScriptInherited());
        }
        return FormValidation.ok();
    }

    static FormValidation testName(@CheckForNull String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null || ConfigLoader.isValidName(text)) {
            return FormValidation.ok();
        }
        return FormValidation.error(Messages.FormChecks_TestName(text));
    }

    /** {@code NAME=VALUE} lines with names the core accepts. */
    static FormValidation parameters(@CheckForNull String value) {
        try {
            ParameterLines.parse(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation baseline(@CheckForNull String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.ok();
        }
        try {
            ConfigLoader.checkBaseline(text);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(Messages.FormChecks_Baseline(text));
        }
    }

    static FormValidation repeat(int value) {
        return value < 0 ? FormValidation.error(Messages.FormChecks_Repeat()) : FormValidation.ok();
    }

    static FormValidation label(@CheckForNull String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.ok();
        }
        if (!LABEL_CHARS.matcher(text).matches()) {
            return FormValidation.error(Messages.FormChecks_Label());
        }
        Label label = Jenkins.get().getLabel(text);
        int nodes = label == null ? 0 : label.getNodes().size();
        return nodes == 0 ? FormValidation.warning(Messages.FormChecks_NoNodes(text)) : FormValidation.ok();
    }

    /** One threshold per line, read as the build reads them ({@link ThresholdLines}). */
    static FormValidation thresholds(@CheckForNull String value) {
        try {
            ThresholdLines.parse(value, Messages.FormChecks_ThresholdsField());
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Metric keys or globs, one per line or comma separated ({@code results.*}). */
    static FormValidation trendMetrics(@CheckForNull String value) {
        for (String glob : TrendMetrics.parse(value)) {
            if (glob.chars().anyMatch(Character::isWhitespace)) {
                return FormValidation.error(Messages.FormChecks_TrendMetric(glob));
            }
        }
        return FormValidation.ok();
    }

    /** How long an exclusive run may wait for its nodes: a duration ({@code 30m}, {@code 2h}). */
    static FormValidation exclusiveWait(@CheckForNull String value) {
        return duration(value);
    }
}
