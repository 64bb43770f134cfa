package io.perftest.ingest;

import io.perftest.model.Unit;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How result files name metrics: {@code latency (ms)}, {@code latency [ms]}, {@code AvgLatency-ms}. */
public final class MetricNames {

    private static final Pattern BRACKETED = Pattern.compile("^(.*?)\\s*[(\\[]\\s*([^()\\[\\]]*)\\s*[)\\]]\\s*$");
    /** Units recognised after '-' ({@code AvgLatency-ms}); after '_' only the unambiguous ones (not {@code _s}, {@code _sec}). */
    private static final Set<String> DASH_UNITS = Set.of("ns", "us", "ms", "s", "sec", "secs", "pct",
            "b", "kb", "mb", "gb", "kib", "mib", "gib", "bytes");
    private static final Set<String> UNDERSCORE_UNITS = Set.of("ns", "us", "ms", "pct", "kb", "mb", "gb", "kib", "mib", "gib", "bytes");

    private MetricNames() {
    }

    /** A metric name and the unit it carried. */
    public record NameAndUnit(String name, Unit unit) {
    }

    /**
     * Splits a column or key name into the name, verbatim but for the blanks around it, and its
     * unit ({@code "Avg Latency (ms)"} -> {@code Avg Latency}, ms). {@link io.perftest.model.MetricKey}
     * makes the name part of a key.
     */
    public static NameAndUnit split(String raw) {
        return split(raw, true);
    }

    /**
     * Like {@link #split(String)}; with {@code unitSuffixes} false only a bracketed unit is taken
     * (for rows whose unit is given in a column of its own).
     */
    public static NameAndUnit split(String raw, boolean unitSuffixes) {
        String t = raw.strip();
        Unit unit = Unit.NONE;
        Matcher m = BRACKETED.matcher(t);
        if (m.matches() && !m.group(1).isBlank()) {
            t = m.group(1);
            unit = Unit.parse(m.group(2));
        } else if (unitSuffixes) {
            int dash = Math.max(t.lastIndexOf('-'), t.lastIndexOf('_'));
            if (dash > 0 && dash < t.length() - 1) {
                String suffix = t.substring(dash + 1).toLowerCase(java.util.Locale.ROOT);
                Set<String> units = t.charAt(dash) == '-' ? DASH_UNITS : UNDERSCORE_UNITS;
                if (units.contains(suffix)) {
                    unit = suffix.equals("pct") ? Unit.PERCENT : Unit.parse(t.substring(dash + 1));
                    t = t.substring(0, dash);
                }
            }
        }
        return new NameAndUnit(t.strip(), unit);
    }
}
