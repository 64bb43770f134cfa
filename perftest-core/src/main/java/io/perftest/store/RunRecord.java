package io.perftest.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perftest.model.BaselineChoice;
import io.perftest.model.RunStatus;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.TriggerFiring;
import io.perftest.model.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code run.json}: what was run (spec, parameters), where and with what
 * (provenance), how it went (stage timings, iterations, status, verdict) and who owns it while
 * it runs (so a run left {@code RUNNING} by a killed process can be recognised). Immutable;
 * change it through {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
        int formatVersion,
        String id,
        String framework,
        String test,
        int number,
        RunStatus status,
        Verdict verdict,
        String reason,
        Spec spec,
        Provenance provenance,
        Owner owner,
        Instant startedAt,
        Instant endedAt,
        List<StageTiming> stages,
        List<Iteration> iterations,
        BaselineChoice baseline,
        List<ThresholdOutcome> thresholds,
        List<TriggerFiring> triggers,
        List<String> problems) {

    public static final int FORMAT_VERSION = 1;

    public RunRecord {
        stages = stages == null ? List.of() : List.copyOf(stages);
        iterations = iterations == null ? List.of() : List.copyOf(iterations);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The spec of the run as resolved: parameters in declared order and the script's argv. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String frameworkDirectory, String script, List<String> arguments, Map<String, String> parameters,
                       String timeout, int repeat, List<String> collectors, List<String> statsHosts,
                       List<String> thresholds, String baselinePolicy, String testFile, List<String> trend) {
    }

    /** Where and with what the run ran, so that "repeatable" can be checked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provenance(String scriptSha256, String perftestVersion, String javaVersion, String user,
                             Map<String, Map<String, String>> hosts, Map<String, String> tools) {
    }

    /** The process that owns a run while it is not final. */
    public record Owner(String host, long pid, Instant processStart) {
    }

    /** One lifecycle stage: name, start, duration, and what went wrong in it, if anything. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageTiming(String stage, Instant startedAt, long durationMillis, String error) {
    }

    /** One execution of the script. {@code exitCode} is null when it was killed (timeout, abort). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Iteration(int index, Integer exitCode, long durationMillis, String outcome) {
    }

    public boolean isFinal() {
        return status != null && status.isFinal();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link RunRecord}, starting from an existing one or from scratch. */
    public static final class Builder {
        private String id;
        private String framework;
        private String test;
        private int number;
        private RunStatus status;
        private Verdict verdict;
        private String reason;
        private Spec spec;
        private Provenance provenance;
        private Owner owner;
        private Instant startedAt;
        private Instant endedAt;
        private final List<StageTiming> stages = new ArrayList<>();
        private final List<Iteration> iterations = new ArrayList<>();
        private BaselineChoice baseline;
        private final List<ThresholdOutcome> thresholds = new ArrayList<>();
        private final List<TriggerFiring> triggers = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        private Builder(RunRecord r) {
            if (r == null) {
                return;
            }
            id = r.id;
            framework = r.framework;
            test = r.test;
            number = r.number;
            status = r.status;
            verdict = r.verdict;
            reason = r.reason;
            spec = r.spec;
            provenance = r.provenance;
            owner = r.owner;
            startedAt = r.startedAt;
            endedAt = r.endedAt;
            stages.addAll(r.stages);
            iterations.addAll(r.iterations);
            baseline = r.baseline;
            thresholds.addAll(r.thresholds);
            triggers.addAll(r.triggers);
            problems.addAll(r.problems);
        }

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder framework(String v) {
            framework = v;
            return this;
        }

        public Builder test(String v) {
            test = v;
            return this;
        }

        public Builder number(int v) {
            number = v;
            return this;
        }

        public Builder status(RunStatus v) {
            status = v;
            return this;
        }

        public Builder verdict(Verdict v) {
            verdict = v;
            return this;
        }

        public Builder reason(String v) {
            reason = v;
            return this;
        }

        public Builder spec(Spec v) {
            spec = v;
            return this;
        }

        public Builder provenance(Provenance v) {
            provenance = v;
            return this;
        }

        public Builder owner(Owner v) {
            owner = v;
            return this;
        }

        public Builder startedAt(Instant v) {
            startedAt = v;
            return this;
        }

        public Builder endedAt(Instant v) {
            endedAt = v;
            return this;
        }

        public Builder stage(StageTiming v) {
            stages.add(v);
            return this;
        }

        public Builder iteration(Iteration v) {
            iterations.add(v);
            return this;
        }

        public Builder baseline(BaselineChoice v) {
            baseline = v;
            return this;
        }

        public Builder thresholds(List<ThresholdOutcome> v) {
            thresholds.clear();
            thresholds.addAll(v);
            return this;
        }

        public Builder trigger(TriggerFiring v) {
            triggers.add(v);
            return this;
        }

        public Builder problem(String v) {
            problems.add(v);
            return this;
        }

        public RunRecord build() {
            return new RunRecord(FORMAT_VERSION, id, framework, test, number, status, verdict, reason, spec, provenance,
                    owner, startedAt, endedAt, stages, iterations, baseline, thresholds, triggers, problems);
        }
    }
}
