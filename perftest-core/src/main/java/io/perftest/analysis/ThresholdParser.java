package io.perftest.analysis;

import io.perftest.model.MetricKey;
import io.perftest.model.Unit;
import io.perftest.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses threshold expressions:
 * <pre>
 * threshold  := condition [ ':' severity ]           severity: fail (default) | unstable
 * condition  := 'no regression' [ 'in' KEY ]
 *             | KEY [ STAT ] OP bound                 STAT: value | median | mean | min | max | stddev
 * OP         := '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!='
 * bound      := [ '-' ] NUMBER [ UNIT ]                e.g. 250 ms, 80, 1.5 MB, 10 kB/s, 5 %
 *             | 'baseline' [ '*' NUMBER ] [ ('+' | '-') NUMBER [ UNIT | '%' ] ]
 * </pre>
 * Examples: {@code results.latency_p95 < 250 ms}, {@code results.throughput >= baseline * 0.95},
 * {@code sar.cpu.all.user mean < 80 : unstable}, {@code no regression}. A KEY is written as perftest
 * shows it ({@link io.perftest.model.MetricKey}): a label of other characters than letters, digits,
 * '_' and '-' in double quotes, {@code jmeter."GET /api/users".elapsed.p95 < 300 ms}. A mistake is an
 * {@link IllegalArgumentException} whose message starts with the 1-based column, e.g.
 * {@code column 23: expected a number or 'baseline' after '<', found 'fast'}.
 */
public final class ThresholdParser {

    private ThresholdParser() {
    }

    /** Checks the syntax only: for {@code ConfigChecks.NONE.withThreshold(ThresholdParser::check)}. */
    public static void check(String text) {
        parse(text);
    }

    /** Parses one threshold expression. */
    public static Threshold parse(String text) {
        return new Parsing(text).threshold();
    }

    private enum Kind { WORD, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int column) {

        boolean is(String s) {
            return kind != Kind.END && text.equals(s);
        }

        String shown() {
            return kind == Kind.END ? "the end" : "'" + text + "'";
        }
    }

    private static final class Parsing {
        private final String text;
        private final List<Token> tokens;
        private int at;

        Parsing(String text) {
            this.text = text;
            this.tokens = tokenize(text);
        }

        Threshold threshold() {
            Token first = peek();
            if (first.kind == Kind.END) {
                throw error(first, "the threshold is empty; write e.g. 'results.latency_p95 < 250 ms' or 'no regression'");
            }
            Threshold result;
            if (first.is("no")) {
                next();
                expectWord("regression", "after 'no'");
                Optional<String> key = Optional.empty();
                if (peek().is("in")) {
                    next();
                    key = Optional.of(key("after 'in'"));
                }
                Verdict severity = severity();
                result = new NoRegressionThreshold(text.trim(), severity, key);
            } else {
                result = metricThreshold();
            }
            return result;
        }

        private Threshold metricThreshold() {
            String key = key("at the start");
            MetricStatistic statistic = MetricStatistic.VALUE;
            Token t = peek();
            if (t.kind == Kind.WORD) {
                statistic = MetricStatistic.fromLabel(t.text).orElseThrow(() -> error(t,
                        "expected a comparison (<, <=, >, >=, ==, !=) or a statistic (value, median, mean, min, max, stddev) after '"
                                + key + "', found " + t.shown()));
                next();
            }
            MetricThreshold.Comparison op = operator(statistic == MetricStatistic.VALUE ? key : statistic.label());
            Token b = peek();
            if (b.is("baseline")) {
                next();
                double factor = 1;
                double offset = 0;
                boolean percent = false;
                Unit unit = Unit.NONE;
                if (peek().is("*")) {
                    next();
                    factor = number("after '*'");
                }
                if (peek().is("+") || peek().is("-")) {
                    boolean minus = next().is("-");
                    offset = number("after '" + (minus ? "-" : "+") + "'") * (minus ? -1 : 1);
                    if (peek().is("%")) {
                        next();
                        percent = true;
                    } else {
                        unit = unit();
                    }
                }
                Verdict severity = severity();
                return new MetricThreshold(text.trim(), severity, key, statistic, op, true, Double.NaN, factor, offset,
                        percent, unit);
            }
            boolean minus = false;
            if (b.is("-")) {
                next();
                minus = true;
            }
            Token n = peek();
            if (n.kind != Kind.NUMBER) {
                throw error(n, "expected a number or 'baseline' after '" + op.symbol() + "', found " + n.shown());
            }
            double limit = number("after '" + op.symbol() + "'") * (minus ? -1 : 1);
            Unit unit = unit();
            Verdict severity = severity();
            return new MetricThreshold(text.trim(), severity, key, statistic, op, false, limit, 1, 0, false, unit);
        }

        private String key(String where) {
            Token t = peek();
            char first = t.kind == Kind.WORD ? t.text.charAt(0) : ' ';
            if (t.kind != Kind.WORD || t.is("baseline") || !Character.isLetter(first) && first != '_' && first != '"') {
                throw error(t, "expected a metric key such as results.latency_p95 or jmeter.\"GET /api\".elapsed.p95 "
                        + where + ", found " + t.shown());
            }
            next();
            return t.text;
        }

        private MetricThreshold.Comparison operator(String after) {
            Token t = peek();
            for (MetricThreshold.Comparison c : MetricThreshold.Comparison.values()) {
                if (t.kind == Kind.SYMBOL && (t.text.equals(c.symbol()) || c == MetricThreshold.Comparison.EQ && t.text.equals("="))) {
                    next();
                    return c;
                }
            }
            throw error(t, "expected a comparison (<, <=, >, >=, ==, !=) after '" + after + "', found " + t.shown());
        }

        private double number(String where) {
            Token t = peek();
            if (t.kind != Kind.NUMBER) {
                throw error(t, "expected a number " + where + ", found " + t.shown());
            }
            next();
            try {
                return Double.parseDouble(t.text);
            } catch (NumberFormatException e) {
                throw error(t, "'" + t.text + "' is not a number");
            }
        }

        private Unit unit() {
            Token t = peek();
            if (t.kind == Kind.WORD || t.is("%")) {
                next();
                Unit unit = Unit.parse(t.text);
                if (unit.dimension() == Unit.Dimension.OTHER && !t.text.matches("[A-Za-z]+(/[A-Za-z]+)?")) {
                    throw error(t, "'" + t.text + "' is not a unit (write e.g. ms, s, %, MB, kB/s, req/s)");
                }
                return unit;
            }
            return Unit.NONE;
        }

        private Verdict severity() {
            Token t = peek();
            if (t.kind == Kind.END) {
                return Verdict.FAILED;
            }
            if (!t.is(":")) {
                throw error(t, "expected ': fail', ': unstable' or the end, found " + t.shown());
            }
            next();
            Token s = next();
            Verdict severity;
            if (s.is("fail") || s.is("failed")) {
                severity = Verdict.FAILED;
            } else if (s.is("unstable")) {
                severity = Verdict.UNSTABLE;
            } else {
                throw error(s, "expected the severity 'fail' or 'unstable' after ':', found " + s.shown());
            }
            Token end = peek();
            if (end.kind != Kind.END) {
                throw error(end, "unexpected " + end.shown() + " after the severity");
            }
            return severity;
        }

        private void expectWord(String word, String where) {
            Token t = peek();
            if (!t.is(word)) {
                throw error(t, "expected '" + word + "' " + where + ", found " + t.shown());
            }
            next();
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            Token t = tokens.get(at);
            if (t.kind != Kind.END) {
                at++;
            }
            return t;
        }

        private static IllegalArgumentException error(Token t, String message) {
            return new IllegalArgumentException("column " + t.column + ": " + message);
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int j = i;
                while (j < n && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                if (j < n && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < n && Character.isDigit(text.charAt(k))) {
                        j = k;
                        while (j < n && Character.isDigit(text.charAt(j))) {
                            j++;
                        }
                    }
                }
                out.add(new Token(Kind.NUMBER, text.substring(i, j), column));
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '%' || c == 'µ' || c == '"') {
                int j = i;
                if (c == '%') {
                    j++;
                } else {
                    while (j < n && (isWordChar(text.charAt(j)) || text.charAt(j) == '"')) {
                        j = text.charAt(j) == '"' ? endOfQuoted(text, j) : j + 1;
                    }
                }
                out.add(new Token(Kind.WORD, c == '%' ? "%" : text.substring(i, j).toLowerCase(Locale.ROOT).equals("baseline")
                        ? "baseline" : text.substring(i, j), column));
                i = j;
            } else if ("<>=!".indexOf(c) >= 0) {
                int j = i + 1;
                if (j < n && text.charAt(j) == '=') {
                    j++;
                }
                String op = text.substring(i, j);
                if (op.equals("!")) {
                    throw new IllegalArgumentException("column " + column + ": '!' must be followed by '=' (not equal)");
                }
                out.add(new Token(Kind.SYMBOL, op, column));
                i = j;
            } else if ("*+-:".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), column));
                i++;
            } else {
                throw new IllegalArgumentException("column " + column + ": unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.END, "", n + 1));
        return out;
    }

    /** Where the quoted label at {@code at} ends (a key's label in double quotes); a mistake names its column. */
    private static int endOfQuoted(String text, int at) {
        try {
            return MetricKey.endOfQuoted(text, at);
        } catch (MetricKey.BadQuote e) {
            throw new IllegalArgumentException("column " + (e.offset() + 1) + ": " + e.getMessage());
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '/' || c == 'µ' || c == '[' || c == ']'
                || c == '*' || c == '@';
    }
}
