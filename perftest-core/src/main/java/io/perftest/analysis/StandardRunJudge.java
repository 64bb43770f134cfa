package io.perftest.analysis;

import io.perftest.model.BaselineChoice;
import io.perftest.model.RunSpec;
import io.perftest.model.RunSummary;
import io.perftest.model.SourcedText;
import io.perftest.model.ThresholdOutcome;
import io.perftest.model.Verdict;
import io.perftest.store.TestHistory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Collate stage's judge: chooses the baseline by the spec's policy ({@link BaselinePolicy}),
 * compares the run with it ({@link RunComparator}), evaluates the spec's thresholds and takes the
 * worst severity among those that do not hold as the verdict. The report lines are the baseline,
 * the comparison table, each threshold's outcome and the verdict.
 */
public final class StandardRunJudge implements RunJudge {

    private final RunComparator comparator;

    public StandardRunJudge(ComparisonSettings settings) {
        this.comparator = new RunComparator(settings);
    }

    public StandardRunJudge() {
        this(ComparisonSettings.DEFAULT);
    }

    @Override
    public Judgement judge(RunSpec spec, RunSummary summary, TestHistory history, int number) throws IOException {
        Baseline baseline;
        try {
            baseline = BaselinePolicy.parse(spec.baseline()).choose(history, number);
        } catch (IllegalArgumentException e) {
            baseline = Baseline.none(spec.baseline(), e.getMessage());
        }
        MetricHistory metrics = baseline.summary().isPresent() ? history(history, number) : MetricHistory.NONE;
        Optional<RunComparison> comparison = baseline.summary().map(b -> comparator.compare(b, summary, metrics));
        BaselineChoice chosen = baseline.choice();
        BaselineChoice choice = comparison.map(c -> chosen.withNoiseBands(bands(c))).orElse(chosen);
        List<ThresholdOutcome> outcomes = new ArrayList<>();
        for (SourcedText text : spec.thresholds()) {
            outcomes.add(evaluate(text, summary, baseline.summary(), comparison));
        }
        Verdict verdict = Verdict.PASSED;
        for (ThresholdOutcome o : outcomes) {
            if (!o.passed()) {
                verdict = verdict.worst(o.severity());
            }
        }
        return new Judgement(choice, outcomes, verdict, report(choice, comparison, outcomes, verdict));
    }

    /** Most completed runs before this one whose values teach the noise bands. */
    static final int HISTORY_RUNS = 50;

    /** Each metric's values over the last {@link #HISTORY_RUNS} completed runs before run {@code number}, oldest first. */
    public static MetricHistory history(TestHistory history, int number) throws IOException {
        java.util.Map<String, List<Double>> values = new java.util.TreeMap<>();
        List<io.perftest.store.RunDirectory> runs = history.runs();
        List<RunSummary> summaries = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0 && summaries.size() < HISTORY_RUNS; i--) {
            if (runs.get(i).number() >= number) {
                continue;
            }
            try {
                runs.get(i).completedSummary().ifPresent(s -> summaries.add(0, s));
            } catch (IOException e) {
                // an unreadable run teaches nothing; the others still do
            }
        }
        for (RunSummary s : summaries) {
            s.metrics().forEach(m -> values.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m.value()));
        }
        java.util.Map<String, double[]> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return MetricHistory.of(out);
    }

    private static java.util.Map<String, String> bands(RunComparison comparison) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        comparison.metrics().forEach(m -> out.put(m.key(), m.band().describe()));
        return out;
    }

    private static ThresholdOutcome evaluate(SourcedText text, RunSummary summary, Optional<RunSummary> baseline,
                                             Optional<RunComparison> comparison) {
        try {
            return ThresholdParser.parse(text.text()).evaluate(summary, baseline, comparison);
        } catch (IllegalArgumentException e) {
            return new ThresholdOutcome(text.text(), Verdict.FAILED, false, null, text.origin() + ": " + e.getMessage());
        }
    }

    static List<String> report(BaselineChoice choice, Optional<RunComparison> comparison, List<ThresholdOutcome> outcomes,
                               Verdict verdict) {
        List<String> lines = new ArrayList<>();
        lines.add("baseline (" + choice.policy() + "): " + (choice.runs().isEmpty() ? "none, " : "") + choice.note());
        comparison.ifPresent(c -> {
            lines.addAll(c.changesTable());
            lines.add(c.bandsLine());
        });
        for (ThresholdOutcome o : outcomes) {
            String status = o.passed() ? "PASS" : o.severity() == Verdict.UNSTABLE ? "UNSTABLE" : "FAIL";
            lines.add(status + "  " + o.expression() + "  (" + o.message() + ")");
        }
        lines.add("verdict: " + verdict.name().toLowerCase(java.util.Locale.ROOT));
        return lines;
    }
}
