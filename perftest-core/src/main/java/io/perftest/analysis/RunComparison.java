package io.perftest.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every metric of two runs compared, sorted by key; with a table for people. */
public record RunComparison(List<MetricComparison> metrics) {

    public RunComparison {
        metrics = List.copyOf(metrics);
    }

    public Optional<MetricComparison> metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    public List<MetricComparison> withVerdict(ChangeVerdict verdict) {
        return metrics.stream().filter(m -> m.verdict() == verdict).toList();
    }

    /** The comparison as aligned text lines: metric, baseline, candidate, change, interval, q, verdict. */
    /** The most rows {@link #changesTable()} shows. */
    public static final int MAX_CHANGES = 15;

    public List<String> table() {
        return table(metrics);
    }

    /**
     * The table of the metrics that changed (improved or regressed), with one line saying how many
     * others were compared and did not: what a run prints at its end, where hundreds of system
     * metrics would drown the few that moved.
     */
    public List<String> changesTable() {
        List<MetricComparison> changed = metrics.stream()
                .filter(m -> m.verdict() == ChangeVerdict.IMPROVED || m.verdict() == ChangeVerdict.REGRESSED).toList();
        long same = metrics.stream().filter(m -> m.verdict() == ChangeVerdict.UNCHANGED).count();
        // regressions first, then by the size of the change; at most MAX_CHANGES rows
        List<MetricComparison> shown = changed.stream()
                .sorted(java.util.Comparator.comparing((MetricComparison m) -> m.verdict() != ChangeVerdict.REGRESSED)
                        .thenComparing(m -> -Math.abs(m.change())))
                .limit(MAX_CHANGES).toList();
        List<String> out = new ArrayList<>(shown.isEmpty() ? List.of() : table(shown));
        if (changed.size() > shown.size()) {
            out.add("... and " + (changed.size() - shown.size()) + " more changed metric(s): perftest compare BASELINE-RUN THIS-RUN");
        }
        out.add(changed.size() + " metric(s) changed beyond the noise threshold, " + same + " unchanged"
                + (metrics.size() - changed.size() - same > 0 ? ", " + (metrics.size() - changed.size() - same)
                + " not comparable (in one run only, or no direction)" : ""));
        return out;
    }

    /** Which noise bands were used: "noise bands: 3 metric(s) from their history (5+ runs), 12 at the configured floor". */
    public String bandsLine() {
        long learned = metrics.stream().filter(m -> m.band().fromHistory()).count();
        return "noise bands: " + learned + " metric(s) from their history (" + NoiseBand.MIN_RUNS + "+ completed runs), "
                + (metrics.size() - learned) + " at the configured floor (perftest compare A B shows each)";
    }

    private static List<String> table(List<MetricComparison> metrics) {
        String common = metrics.stream().map(MetricComparison::note).distinct().count() == 1 ? metrics.get(0).note() : "";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"metric", "baseline", "this run", "change", "95% CI", "q", "noise band", "verdict"});
        for (MetricComparison m : metrics) {
            String unit = m.unit().symbol().isEmpty() ? "" : " " + m.unit().symbol();
            rows.add(new String[] {
                m.key(),
                number(m.baseline().median()) + unit,
                number(m.candidate().median()) + unit,
                percent(m.change()),
                m.hasInterval() ? "[" + percent(m.low() - 1) + ", " + percent(m.high() - 1) + "]" : "-",
                Double.isNaN(m.qValue()) ? "-" : String.format(Locale.ROOT, "%.3g", m.qValue()),
                String.format(Locale.ROOT, "±%.1f%% %s", m.noise() * 100, m.band().fromHistory() ? "history" : "floor"),
                m.verdict().label() + (m.note().isEmpty() || !common.isEmpty() ? "" : " (" + m.note() + ")")});
        }
        int[] width = new int[8];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i < r.length - 1 ? String.format(Locale.ROOT, "%-" + width[i] + "s  ", r[i]) : r[i]);
            }
            out.add(sb.toString().stripTrailing());
        }
        if (!common.isEmpty()) {
            out.add("(every row: " + common + ")");
        }
        return out;
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%+.1f%%", share * 100);
    }
}
