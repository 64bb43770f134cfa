package io.perftest.cli;

import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Statistics;
import io.perftest.model.VisibleText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints metrics as an aligned text table: key, value (median), unit, samples and spread. A key
 * shows its label as the user wrote it (in quotes when it is not plain); characters that would
 * act on the terminal are escaped.
 */
final class MetricTable {

    private MetricTable() {
    }

    /**
     * Prints the metrics of the script's results in full and, for the system metrics of the
     * collectors ({@code systemSources}), one line per source with how many there are: the end of
     * a run stays readable with hundreds of sar counters. {@code perftest show} lists everything.
     */
    static void printCompact(RunSummary summary, Set<String> systemSources, String showHint, PrintWriter out) {
        List<Metric> own = new ArrayList<>();
        Map<String, Integer> system = new TreeMap<>();
        for (Metric m : summary.metrics()) {
            if (systemSources.contains(m.source())) {
                system.merge(m.source(), 1, Integer::sum);
            } else {
                own.add(m);
            }
        }
        print(RunSummary.of(own), out);
        if (!system.isEmpty()) {
            StringBuilder b = new StringBuilder("system metrics:");
            system.forEach((source, n) -> b.append(' ').append(source).append(" (").append(n).append(')'));
            out.println(b.append("; all of them: ").append(showHint));
        }
    }

    static void print(RunSummary summary, PrintWriter out) {
        if (summary.isEmpty()) {
            out.println("(no metrics)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"METRIC", "VALUE", "UNIT", "N", "MIN", "MAX", "STDDEV"});
        for (Metric m : summary.metrics()) {
            Statistics s = m.samples().statistics();
            boolean many = s.count() > 1;
            rows.add(new String[] {VisibleText.of(m.key()), number(m.value()), m.unit().symbol(), Long.toString(s.count()),
                    many ? number(s.min()) : "", many ? number(s.max()) : "", many ? number(s.stddev()) : ""});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean numeric = i == 1 || i >= 3;
                String cell = numeric ? pad(r[i], width[i], true) : pad(r[i], width[i], false);
                b.append(cell).append(i < r.length - 1 ? "  " : "");
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    /** A number with about 4 significant digits, plain for everyday magnitudes. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        int decimals = a >= 100 ? 1 : a >= 1 ? 3 : 4;
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
