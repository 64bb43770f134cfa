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
    public List<String> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"metric", "baseline", "this run", "change", "95% CI", "q", "verdict"});
        for (MetricComparison m : metrics) {
            String unit = m.unit().symbol().isEmpty() ? "" : " " + m.unit().symbol();
            rows.add(new String[] {
                m.key(),
                number(m.baseline().median()) + unit,
                number(m.candidate().median()) + unit,
                percent(m.change()),
                m.hasInterval() ? "[" + percent(m.low() - 1) + ", " + percent(m.high() - 1) + "]" : "-",
                Double.isNaN(m.qValue()) ? "-" : String.format(Locale.ROOT, "%.3g", m.qValue()),
                m.verdict().label() + (m.note().isEmpty() ? "" : " (" + m.note() + ")")});
        }
        int[] width = new int[7];
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
