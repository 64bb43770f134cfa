package io.perftest.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a metric is: the source that measured it (a parser or a collector), the user's own
 * label where it has one (a request, command, job or benchmark name, kept verbatim: any Unicode,
 * spaces, dots, slashes, commas), the quantity ({@code elapsed}, {@code cpu.all.user}), the
 * statistic ({@code p95}, {@code mean}), and the host and load client where it has them.
 *
 * <p>The key is the text form of these parts, the one thresholds, {@code --json} and
 * {@code summary.json} use:
 * <pre>
 * key     := source ( '.' part )* [ '@' host ] [ '~' client ]
 * part    := plain | quoted             plain: one or more letters, digits, '_' or '-'
 * host    := plain, dots allowed | quoted
 * quoted  := '"' text '"'               escapes: \" \\ \n \r \t \\uXXXX
 * </pre>
 * A part is written plain when it can be and in double quotes otherwise, so a label of letters,
 * digits, '_' and '-' gives the same key as it always has ({@code jmeter.login.elapsed.p95}) while
 * {@code GET /api/users} gives {@code jmeter."GET /api/users".elapsed.p95}. Control and formatting
 * characters are escaped inside the quotes, so a key is always one printable line. Different parts
 * never give the same key: a plain part has no character the syntax uses, and a quoted one starts
 * with a quote. A label the parser itself uses for something else at the same place (the request
 * tables' {@code total}) is written quoted ({@link #quotedLabel}), so it cannot be mistaken for it.
 *
 * <p>The key is the identity: two keys are equal when their texts are. Any text is accepted by
 * {@link #parse} (keys of older runs included); the parts of a text that does not follow the
 * syntax are read as well as they can be. Which part is the label and which the statistic is known
 * where the key was composed ({@link #label}, {@link #statistic}) and kept in {@code summary.json};
 * a key read from text alone has every part in {@link #quantity()}.
 */
public final class MetricKey implements Comparable<MetricKey> {

    private static final char PART = '.';
    private static final char HOST = '@';
    private static final char CLIENT = '~';
    private static final String PART_ENDS = ".@~";
    private static final String HOST_ENDS = "~";

    private final String source;
    private final List<String> parts;
    private final int labelAt;
    private final boolean statisticLast;
    private final String head;
    private final String host;
    private final String hostText;
    private final String client;
    private final String clientText;
    private final String text;

    private MetricKey(String source, List<String> parts, int labelAt, boolean statisticLast, String head,
                      String host, String hostText, String client, String clientText) {
        this.source = source;
        this.parts = parts;
        this.labelAt = labelAt;
        this.statisticLast = statisticLast;
        this.head = head;
        this.host = host;
        this.hostText = hostText;
        this.client = client;
        this.clientText = clientText;
        this.text = head + hostText + clientText;
    }

    /** The key of a source's own metrics, to which parts are added: {@code MetricKey.of("jmeter").label(name)}. */
    public static MetricKey of(String source) {
        Objects.requireNonNull(source, "source");
        return new MetricKey(source, List.of(), -1, false, part(source), null, "", null, "");
    }

    /**
     * The key whose text is {@code text}, its parts read back. Never fails: a text that does not
     * follow the syntax (a key of an older run) keeps its text, and its parts are read leniently.
     */
    public static MetricKey parse(String text) {
        Objects.requireNonNull(text, "key");
        Reading r = new Reading(text);
        String source = r.part(PART_ENDS);
        List<String> parts = new ArrayList<>();
        while (r.at(PART)) {
            r.skip();
            parts.add(r.part(PART_ENDS));
        }
        int headEnd = r.at;
        String host = null;
        String hostText = "";
        if (r.at(HOST)) {
            int from = r.at;
            r.skip();
            host = r.part(HOST_ENDS);
            hostText = text.substring(from, r.at);
        }
        String client = null;
        String clientText = "";
        if (r.at(CLIENT)) {
            int from = r.at;
            r.skip();
            client = r.part("");
            clientText = text.substring(from);
        }
        return new MetricKey(source, List.copyOf(parts), -1, false, text.substring(0, headEnd), host, hostText, client, clientText);
    }

    /**
     * Like {@link #parse(String)}, with the roles {@code summary.json} recorded: the part equal to
     * {@code label} is the label, and the last part is the statistic when it equals {@code statistic}.
     * A role that no part fits is left out.
     */
    public static MetricKey parse(String text, Optional<String> label, Optional<String> statistic) {
        MetricKey k = parse(text);
        int at = label.map(k.parts::indexOf).orElse(-1);
        boolean stat = statistic.isPresent() && !k.parts.isEmpty() && k.parts.get(k.parts.size() - 1).equals(statistic.get())
                && at != k.parts.size() - 1;
        return new MetricKey(k.source, k.parts, at, stat, k.head, k.host, k.hostText, k.client, k.clientText);
    }

    /** This key with the user's {@code label} as its next part, kept verbatim (quoted in the text if it has to be). */
    public MetricKey label(String label) {
        return withLabel(label, part(label));
    }

    /**
     * Like {@link #label}, but always quoted in the text: for a label spelled like a part the
     * source itself writes at the same place ({@code total} of the request tables), so the two stay apart.
     */
    public MetricKey quotedLabel(String label) {
        return withLabel(label, quote(label));
    }

    private MetricKey withLabel(String label, String written) {
        if (labelAt >= 0) {
            throw new IllegalStateException(text + " has a label already");
        }
        return append(label, written, parts.size(), false);
    }

    /** This key with {@code more} as its next parts (of the quantity), each verbatim. */
    public MetricKey then(String... more) {
        MetricKey k = this;
        for (String p : more) {
            k = k.append(p, part(p), k.labelAt, false);
        }
        return k;
    }

    /**
     * This key with a user's dotted name ({@code results.csv} keys, {@code multicol.csv} columns)
     * as its next parts, one per dot: {@code db.query.time} stays as it is, {@code latency p95}
     * becomes one quoted part.
     */
    public MetricKey name(String dotted) {
        return then(dotted.split("\\.", -1));
    }

    /** This key with the statistic {@code stat} ({@code mean}, {@code p95}) as its last part. */
    public MetricKey statistic(String stat) {
        return append(stat, part(stat), labelAt, true);
    }

    private MetricKey append(String value, String written, int label, boolean stat) {
        Objects.requireNonNull(value, "part");
        if (statisticLast) {
            throw new IllegalStateException(text + " ends with its statistic already");
        }
        List<String> more = new ArrayList<>(parts);
        more.add(value);
        return new MetricKey(source, Collections.unmodifiableList(more), label, stat, head + PART + written,
                host, hostText, client, clientText);
    }

    /** This key measured on {@code host} (a statistics host): {@code sar.cpu.all.user@db1}. */
    public MetricKey onHost(String host) {
        Objects.requireNonNull(host, "host");
        return new MetricKey(source, parts, labelAt, statisticLast, head, host, HOST + hostPart(host), client, clientText);
    }

    /** This key measured by the load client {@code client}: {@code jmeter.login.elapsed.p95~2}. */
    public MetricKey forClient(String client) {
        Objects.requireNonNull(client, "client");
        return new MetricKey(source, parts, labelAt, statisticLast, head, host, hostText, client, CLIENT + part(client));
    }

    /** The parser or collector that measured it: the first part. */
    public String source() {
        return source;
    }

    /** The user's own label, verbatim, if the metric has one. */
    public Optional<String> label() {
        return labelAt < 0 ? Optional.empty() : Optional.of(parts.get(labelAt));
    }

    /** What is measured: the parts that are neither the label nor the statistic ({@code elapsed}; {@code cpu, all, user}). */
    public List<String> quantity() {
        List<String> q = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            if (i != labelAt && !(statisticLast && i == parts.size() - 1)) {
                q.add(parts.get(i));
            }
        }
        return Collections.unmodifiableList(q);
    }

    /** The statistic ({@code mean}, {@code p95}) if the key was composed with one. */
    public Optional<String> statistic() {
        return statisticLast ? Optional.of(parts.get(parts.size() - 1)) : Optional.empty();
    }

    /** Every part after the source, in order, verbatim. */
    public List<String> parts() {
        return parts;
    }

    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    public Optional<String> client() {
        return Optional.ofNullable(client);
    }

    /** The key: the injective text form of the parts. */
    public String text() {
        return text;
    }

    /**
     * Whether {@code other} is probably what this key was meant to name: the same parts written
     * differently ({@code jmeter."login"} for {@code jmeter.login}), or this key as versions before
     * labels were kept verbatim wrote {@code other} ({@code jmeter.GET_api_users} for
     * {@code jmeter."GET /api/users"}). For hints when a key is not found.
     */
    public boolean resembles(MetricKey other) {
        if (equals(other)) {
            return false;
        }
        boolean sameParts = source.equals(other.source) && parts.equals(other.parts) && Objects.equals(host, other.host)
                && Objects.equals(client, other.client);
        return sameParts || text.equals(other.folded()) || other.text.equals(folded());
    }

    /**
     * The key as perftest wrote it before labels were kept verbatim: every run of characters other than letters,
     * digits, '_' and '-' in a label turned into one '_' (so {@code a b}, {@code a.b} and {@code a_b}
     * were all {@code a_b}).
     */
    String folded() {
        StringBuilder b = new StringBuilder(foldedPart(source));
        parts.forEach(p -> b.append(PART).append(foldedPart(p)));
        if (host != null) {
            b.append(HOST).append(host);
        }
        return b.toString();
    }

    /**
     * {@code raw} folded into one plain part: every run of characters other than letters, digits,
     * '_' and '-' becomes one '_' ({@code ·gc.alloc.rate} -> {@code gc_alloc_rate}). How labels were
     * written before they were kept verbatim; still right for a tool's own fixed vocabulary (JMH's
     * secondary metrics, JVM collector names), never for a user's label: folding makes different
     * names equal.
     */
    public static String foldedPart(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        boolean gap = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                if (gap && b.length() > 0) {
                    b.append('_');
                }
                gap = false;
                b.append(c);
            } else {
                gap = true;
            }
        }
        return b.length() == 0 ? "_" : b.toString();
    }

    @Override
    public int compareTo(MetricKey o) {
        return text.compareTo(o.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricKey k && k.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- the text form of one part ----------------------------------------------------------

    /** Whether {@code s} can be written as it is: one or more letters, digits, '_' or '-'. */
    public static boolean isPlain(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '-')) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** One part as the key writes it: plain when it can be, quoted otherwise. */
    public static String part(String verbatim) {
        return isPlain(verbatim) ? verbatim : quote(verbatim);
    }

    private static String hostPart(String host) {
        return isPlain(host.replace(".", "")) && !host.startsWith(".") && !host.endsWith(".") && !host.contains("..")
                ? host : quote(host);
    }

    /** {@code s} in double quotes, with '"', '\' and hidden characters escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (VisibleText.isHidden(cp)) {
                        for (int k = i; k < i + n; k++) {
                            b.append(VisibleText.unicodeEscape(s.charAt(k)));
                        }
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
            i += n;
        }
        return b.append('"').toString();
    }

    /**
     * Where the quoted part that starts at {@code start} (a '"') ends: the index after its closing
     * quote.
     *
     * @throws BadQuote saying what is wrong and where
     */
    public static int endOfQuoted(String text, int start) {
        return readQuoted(text, start, null);
    }

    /** A quoted part that is not well formed: what is wrong, and its 0-based offset in the text. */
    public static final class BadQuote extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        BadQuote(int offset, String message) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    /** Reads the quoted part at {@code start} into {@code out} (if given); returns the index after it. */
    private static int readQuoted(String text, int start, StringBuilder out) {
        if (start >= text.length() || text.charAt(start) != '"') {
            throw new BadQuote(start, "expected '\"'");
        }
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                break;
            }
            char e = text.charAt(i + 1);
            char decoded;
            int length = 2;
            switch (e) {
                case '"', '\\' -> decoded = e;
                case 'n' -> decoded = '\n';
                case 'r' -> decoded = '\r';
                case 't' -> decoded = '\t';
                case 'u' -> {
                    if (i + 6 > text.length() || !isHex(text, i + 2, i + 6)) {
                        throw new BadQuote(i, "'\\u' must be followed by four hex digits");
                    }
                    decoded = (char) Integer.parseInt(text.substring(i + 2, i + 6), 16);
                    length = 6;
                }
                default -> throw new BadQuote(i, "unknown escape '\\" + e
                        + "' in quotes (write \\\" for a quote, \\\\ for a backslash)");
            }
            if (out != null) {
                out.append(decoded);
            }
            i += length;
        }
        throw new BadQuote(start, "the quote that starts here is not closed (a '\"' inside quotes is written \\\")");
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads a key's text part by part; lenient, so that every text has parts. */
    private static final class Reading {
        private final String text;
        private int at;

        Reading(String text) {
            this.text = text;
        }

        boolean at(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        void skip() {
            at++;
        }

        /**
         * The part that starts here and ends before one of {@code ends} (or at the end): a quoted
         * one when it is well formed and ends there, otherwise the text as it is.
         */
        String part(String ends) {
            if (at('"')) {
                StringBuilder b = new StringBuilder();
                try {
                    int end = readQuoted(text, at, b);
                    if (end == text.length() || ends.indexOf(text.charAt(end)) >= 0) {
                        at = end;
                        return b.toString();
                    }
                } catch (BadQuote e) {
                    // not a well-formed quoted part: read as plain text below
                }
            }
            int from = at;
            while (at < text.length() && ends.indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(from, at);
        }
    }
}
