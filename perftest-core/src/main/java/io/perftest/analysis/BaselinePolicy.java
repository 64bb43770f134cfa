package io.perftest.analysis;

import io.perftest.model.BaselineChoice;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Samples;
import io.perftest.store.RunDirectory;
import io.perftest.store.TestHistory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run's baseline is chosen from its test's history:
 * <ul>
 *   <li>{@code previous}: the last COMPLETED run other than this one;</li>
 *   <li>{@code pinned}: the run marked with {@code perftest pin} ({@link PinnedBaseline});</li>
 *   <li>{@code median-of-last:N}: the last N COMPLETED runs together: a metric's samples are
 *       those of all N runs pooled (so its value is their median), or the runs' medians where
 *       a run kept only statistics.</li>
 * </ul>
 * Runs without a summary.json do not qualify.
 */
public record BaselinePolicy(Kind kind, int count) {

    /** The kinds of policy. */
    public enum Kind { PREVIOUS, PINNED, MEDIAN_OF_LAST }

    private static final Pattern MEDIAN = Pattern.compile("median-of-last:([1-9][0-9]{0,3})");

    public static final BaselinePolicy PREVIOUS = new BaselinePolicy(Kind.PREVIOUS, 1);

    /** Reads {@code previous}, {@code pinned} or {@code median-of-last:N}. */
    public static BaselinePolicy parse(String text) {
        String t = text.trim();
        if (t.equals("previous")) {
            return PREVIOUS;
        }
        if (t.equals("pinned")) {
            return new BaselinePolicy(Kind.PINNED, 1);
        }
        Matcher m = MEDIAN.matcher(t);
        if (m.matches()) {
            return new BaselinePolicy(Kind.MEDIAN_OF_LAST, Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("baseline '" + text + "' must be previous, pinned or median-of-last:N");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PREVIOUS -> "previous";
            case PINNED -> "pinned";
            case MEDIAN_OF_LAST -> "median-of-last:" + count;
        };
    }

    /** Chooses the baseline of run {@code number} (excluded) from {@code history}. */
    public Baseline choose(TestHistory history, int number) throws IOException {
        String policy = toString();
        if (kind == Kind.PINNED) {
            Optional<PinnedBaseline.Pin> pin = PinnedBaseline.read(history);
            if (pin.isEmpty()) {
                return Baseline.none(policy, "no run is pinned; pin one with 'perftest pin <run-dir>'");
            }
            int run = pin.get().run();
            if (run == number) {
                return Baseline.none(policy, "this run is the pinned one");
            }
            RunDirectory dir = history.run(run);
            Optional<RunSummary> summary = completedSummary(dir);
            if (summary.isEmpty()) {
                return Baseline.none(policy, "pinned run " + run + " is missing, not completed or has no summary.json");
            }
            return new Baseline(new BaselineChoice(policy, List.of(run), "pinned run " + run), summary);
        }
        List<Integer> numbers = new ArrayList<>();
        List<RunSummary> summaries = new ArrayList<>();
        List<RunDirectory> runs = history.runs();
        for (int i = runs.size() - 1; i >= 0 && numbers.size() < count; i--) {
            RunDirectory dir = runs.get(i);
            if (dir.number() == number) {
                continue;
            }
            Optional<RunSummary> summary = completedSummary(dir);
            if (summary.isPresent()) {
                numbers.add(0, dir.number());
                summaries.add(0, summary.get());
            }
        }
        if (numbers.isEmpty()) {
            return Baseline.none(policy, "no earlier completed run");
        }
        if (kind == Kind.PREVIOUS) {
            return new Baseline(new BaselineChoice(policy, numbers, "run " + numbers.get(0)), Optional.of(summaries.get(0)));
        }
        String note = "runs " + numbers.get(0) + ".." + numbers.get(numbers.size() - 1)
                + (numbers.size() < count ? " (" + numbers.size() + " of " + count + " available)" : "");
        return new Baseline(new BaselineChoice(policy, numbers, note), Optional.of(pool(summaries)));
    }

    /** The runs' metrics with samples pooled key by key (per-run medians where a run kept only statistics). */
    static RunSummary pool(List<RunSummary> summaries) {
        Map<String, List<Metric>> byKey = new LinkedHashMap<>();
        for (RunSummary s : summaries) {
            for (Metric m : s.metrics()) {
                byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Metric> out = new ArrayList<>();
        for (List<Metric> ms : byKey.values()) {
            Metric first = ms.get(ms.size() - 1);
            boolean allValues = ms.stream().allMatch(m -> m.samples().hasValues());
            double[] values;
            if (allValues) {
                values = ms.stream().flatMapToDouble(m -> java.util.Arrays.stream(m.samples().values())).toArray();
            } else {
                values = ms.stream().mapToDouble(Metric::value).filter(v -> !Double.isNaN(v)).toArray();
            }
            out.add(new Metric(first.key(), first.unit(), first.direction(), Samples.of(values)));
        }
        return RunSummary.of(out);
    }

    private static Optional<RunSummary> completedSummary(RunDirectory dir) {
        try {
            return dir.completedSummary();
        } catch (IOException e) {
            return Optional.empty(); // an unreadable run cannot be a baseline; the others still can
        }
    }
}
