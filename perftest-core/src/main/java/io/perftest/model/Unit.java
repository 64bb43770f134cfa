package io.perftest.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit of a metric: its symbol as the user wrote it, its dimension, and the factor to the
 * dimension's base unit (seconds, bytes, counts; rates per second), so that {@code 250 ms} and
 * {@code 0.25 s} compare equal.
 */
public final class Unit {

    /** What a unit measures. Values of the same dimension convert into each other. */
    public enum Dimension { NONE, TIME, BYTES, COUNT, PERCENT, TIME_RATE, BYTE_RATE, COUNT_RATE, OTHER }

    public static final Unit NONE = new Unit("", Dimension.NONE, 1);
    public static final Unit PERCENT = new Unit("%", Dimension.PERCENT, 1);
    public static final Unit SECONDS = new Unit("s", Dimension.TIME, 1);
    public static final Unit MILLISECONDS = new Unit("ms", Dimension.TIME, 1e-3);
    public static final Unit MICROSECONDS = new Unit("us", Dimension.TIME, 1e-6);
    public static final Unit NANOSECONDS = new Unit("ns", Dimension.TIME, 1e-9);
    public static final Unit BYTES = new Unit("B", Dimension.BYTES, 1);
    public static final Unit KILOBYTES = new Unit("kB", Dimension.BYTES, 1e3);
    public static final Unit COUNT = new Unit("count", Dimension.COUNT, 1);
    public static final Unit PER_SECOND = new Unit("/s", Dimension.COUNT_RATE, 1);
    public static final Unit KILOBYTES_PER_SECOND = new Unit("kB/s", Dimension.BYTE_RATE, 1e3);

    private static final Map<String, Double> TIME = Map.ofEntries(
            Map.entry("ns", 1e-9), Map.entry("us", 1e-6), Map.entry("µs", 1e-6), Map.entry("μs", 1e-6),
            Map.entry("ms", 1e-3), Map.entry("s", 1.0), Map.entry("sec", 1.0), Map.entry("secs", 1.0),
            Map.entry("second", 1.0), Map.entry("seconds", 1.0), Map.entry("min", 60.0), Map.entry("m", 60.0),
            Map.entry("h", 3600.0), Map.entry("hr", 3600.0));
    private static final Map<String, Double> BYTE = Map.ofEntries(
            Map.entry("b", 1.0), Map.entry("byte", 1.0), Map.entry("bytes", 1.0),
            Map.entry("kb", 1e3), Map.entry("kib", 1024.0), Map.entry("mb", 1e6), Map.entry("mib", 1048576.0),
            Map.entry("gb", 1e9), Map.entry("gib", 1073741824.0), Map.entry("tb", 1e12), Map.entry("tib", 1099511627776.0));

    /** Bits, as network tools write them: {@code Mb}, {@code Gbit}, {@code kbit} (a lower-case 'b' after a prefix). */
    private static final Pattern BITS = Pattern.compile("([kKMGT]?)(b|bit|bits)");
    private static final Pattern BITS_PER_SECOND = Pattern.compile("([kKMGT]?)bps");
    private static final Map<String, Double> BIT_PREFIX = Map.of("", 1.0, "K", 1e3, "M", 1e6, "G", 1e9, "T", 1e12);

    private final String symbol;
    private final Dimension dimension;
    private final double factor;

    private Unit(String symbol, Dimension dimension, double factor) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.factor = factor;
    }

    /**
     * Reads a unit as people write it: {@code ms}, {@code s}, {@code %}, {@code MB}, {@code kB/s},
     * {@code req/s}, {@code ops/sec}. Unknown symbols are kept with dimension {@link Dimension#OTHER}.
     */
    public static Unit parse(String text) {
        if (text == null) {
            return NONE;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return NONE;
        }
        if (s.equals("%") || s.equalsIgnoreCase("pct") || s.equalsIgnoreCase("percent")) {
            return PERCENT;
        }
        Double bits = bits(s);
        if (bits != null) {
            return new Unit(s, Dimension.BYTES, bits);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (TIME.containsKey(lower) && !lower.equals("m")) {
            return new Unit(s, Dimension.TIME, TIME.get(lower));
        }
        if (BYTE.containsKey(lower) && !s.equals("b")) {
            return new Unit(s, Dimension.BYTES, BYTE.get(lower));
        }
        int slash = lower.lastIndexOf('/');
        if (slash >= 0 && slash < lower.length() - 1) { // "/s" alone is a count per second
            String num = lower.substring(0, slash).trim();
            String den = lower.substring(slash + 1).trim();
            Double per = TIME.get(den);
            Double numBits = bits(s.substring(0, slash).trim());
            if (per != null && numBits != null) {
                return new Unit(s, Dimension.BYTE_RATE, numBits / per);
            }
            if (per != null) {
                if (BYTE.containsKey(num) && !num.equals("b") || s.substring(0, slash).trim().equals("B")) {
                    double f = BYTE.getOrDefault(num, 1.0);
                    return new Unit(s, Dimension.BYTE_RATE, f / per);
                }
                if (TIME.containsKey(num)) {
                    return new Unit(s, Dimension.OTHER, 1);
                }
                return new Unit(s, Dimension.COUNT_RATE, 1 / per);
            }
        }
        Matcher bps = BITS_PER_SECOND.matcher(s);
        if (bps.matches()) {
            return new Unit(s, Dimension.BYTE_RATE, BIT_PREFIX.get(bps.group(1).toUpperCase(Locale.ROOT)) / 8);
        }
        if (lower.equals("count") || lower.equals("ops") || lower.equals("requests") || lower.equals("calls")
                || lower.equals("errors") || lower.equals("#")) {
            return new Unit(s, Dimension.COUNT, 1);
        }
        return new Unit(s, Dimension.OTHER, 1);
    }

    /** Bytes per unit if {@code text} is a bit unit ({@code Mb}, {@code Gbit}), else null. Plain {@code kb} stays kilobytes. */
    private static Double bits(String text) {
        Matcher m = BITS.matcher(text);
        if (!m.matches() || text.equals("kb") || m.group(1).isEmpty() && m.group(2).equals("b")) {
            return null;
        }
        return BIT_PREFIX.get(m.group(1).toUpperCase(Locale.ROOT)) / 8;
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    public boolean isRate() {
        return dimension == Dimension.BYTE_RATE || dimension == Dimension.COUNT_RATE || dimension == Dimension.TIME_RATE;
    }

    /** Whether values in this unit can be converted into {@code other}. */
    public boolean isCompatibleWith(Unit other) {
        if (dimension == Dimension.OTHER || other.dimension == Dimension.OTHER) {
            return symbol.equalsIgnoreCase(other.symbol);
        }
        if (dimension == Dimension.NONE || other.dimension == Dimension.NONE) {
            return true;
        }
        return dimension == other.dimension;
    }

    /** Converts {@code value}, given in this unit, into {@code target}. Incompatible units are an error. */
    public double convert(double value, Unit target) {
        if (!isCompatibleWith(target)) {
            throw new IllegalArgumentException("cannot convert " + symbol + " to " + target.symbol);
        }
        if (dimension == Dimension.NONE || target.dimension == Dimension.NONE) {
            return value;
        }
        return value * factor / target.factor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unit u && u.symbol.equals(symbol) && u.dimension == dimension && u.factor == factor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, dimension, factor);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
