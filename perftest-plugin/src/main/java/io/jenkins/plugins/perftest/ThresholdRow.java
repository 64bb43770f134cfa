package io.jenkins.plugins.perftest;

import io.perftest.model.ThresholdOutcome;
import java.io.Serializable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One threshold's outcome as pages and the REST API show it. */
@ExportedBean(defaultVisibility = 2)
public final class ThresholdRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final String severity;
    private final boolean passed;
    private final Double observed;
    private final String message;

    ThresholdRow(ThresholdOutcome outcome) {
        this.expression = outcome.expression();
        this.severity = outcome.severity() == null ? null : outcome.severity().name();
        this.passed = outcome.passed();
        this.observed = outcome.observed();
        this.message = outcome.message();
    }

    @Exported
    public String getExpression() {
        return expression;
    }

    /** What a miss makes the build: {@code UNSTABLE} or {@code FAILED}. */
    @Exported
    public String getSeverity() {
        return severity;
    }

    @Exported
    public boolean isPassed() {
        return passed;
    }

    @Exported
    public Double getObserved() {
        return observed;
    }

    @Exported
    public String getMessage() {
        return message;
    }
}
