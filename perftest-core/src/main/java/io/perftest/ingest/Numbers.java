package io.perftest.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Number parsing straight from bytes. Decimal numbers of up to 15 significant digits with small
 * exponents take an exact fast path (correctly rounded, as {@link Double#parseDouble} would);
 * everything else falls back to {@link Double#parseDouble}. Surrounding blanks are ignored.
 */
public final class Numbers {

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Numbers() {
    }

    public static double parseDouble(byte[] b, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '\r')) {
            e--;
        }
        if (s == e) {
            throw new NumberFormatException("empty value");
        }
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean anyDigit = false;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            anyDigit = true;
            if (digits < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                return slow(b, s, e);
            }
            i++;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                anyDigit = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    scale++;
                } else {
                    return slow(b, s, e);
                }
                i++;
            }
        }
        if (!anyDigit) {
            return slow(b, s, e);
        }
        int exp = 0;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            return slow(b, s, e);
        }
        if (i != e) {
            throw new NumberFormatException("not a number: '" + text(b, s, e) + "'");
        }
        exp -= scale;
        if (digits > 15 || exp < -22 || exp > 22) {
            return slow(b, s, e);
        }
        double v = exp < 0 ? mantissa / POW10[-exp] : mantissa * POW10[exp];
        return negative ? -v : v;
    }

    private static double slow(byte[] b, int s, int e) {
        String t = text(b, s, e);
        if (t.length() > 64) {
            throw new NumberFormatException("not a number: '" + t.substring(0, 64) + "...'");
        }
        // Double.parseDouble accepts hex floats and a trailing 'd'/'f'; a result file should not.
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == 'x' || c == 'X' || c == 'p' || c == 'P' || c == 'd' || c == 'D' || c == 'f' || c == 'F') {
                if (!t.equals("Infinity") && !t.equals("-Infinity") && !t.equals("+Infinity")) {
                    throw new NumberFormatException("not a number: '" + t + "'");
                }
            }
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            throw new NumberFormatException("not a number: '" + t + "'");
        }
        if (!Double.isFinite(v)) {
            // NaN, Infinity or 1e400: no measurement; kept, it would poison every statistic of its metric
            throw new NumberFormatException("not a finite number: '" + t + "'");
        }
        return v;
    }

    public static long parseLong(byte[] b, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '\r')) {
            e--;
        }
        if (s == e) {
            throw new NumberFormatException("empty value");
        }
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        if (i == e || e - i > 18) {
            throw new NumberFormatException("not a whole number: '" + text(b, s, e) + "'");
        }
        long v = 0;
        for (; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw new NumberFormatException("not a whole number: '" + text(b, s, e) + "'");
            }
            v = v * 10 + (b[i] - '0');
        }
        return negative ? -v : v;
    }

    /** Parses text the same way as {@link #parseDouble(byte[], int, int)}. */
    public static double parseDouble(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parseDouble(b, 0, b.length);
    }

    private static String text(byte[] b, int s, int e) {
        return new String(b, s, Math.min(e - s, 200), StandardCharsets.UTF_8);
    }
}
