package io.perftest.report;

import java.util.Locale;

/** How the reports print numbers: four significant digits, no exponent for everyday magnitudes, a dash for unknown. */
final class Figures {

    private Figures() {
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e7 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    static String withUnit(double v, String unit) {
        return unit == null || unit.isBlank() || !Double.isFinite(v) ? number(v) : number(v) + " " + unit;
    }

    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "\u2013";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
    }
}
