package io.perftest.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML page under construction. Every piece of text that may come from user data
 * (metric keys, host names, parameters, console output, file names) goes through
 * {@link #escape(String)}: methods that take {@code text} escape it; only the fixed markup of this
 * package is written raw. The page carries a Content-Security-Policy that forbids scripts and any
 * network fetch, so even a mistake could not run code or call home.
 */
final class Html {

    /** Scripts and remote resources are forbidden; images only from data: URIs, styles only inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private final StringBuilder out = new StringBuilder(64 * 1024);

    Html(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"perftest\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(ReportStyle.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    /** Escapes {@code & < > " '} so that the text shows as text in element content and in quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null && (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                rep = "\uFFFD"; // control characters are not allowed in HTML text
            }
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /** Percent-encodes one path segment of a relative link (RFC 3986 unreserved characters stay). */
    static String encodeSegment(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    Html h1(String text) {
        return element("h1", null, text);
    }

    Html h2(String text, String id) {
        out.append("<h2 id=\"").append(escape(id)).append("\">").append(escape(text)).append("</h2>\n");
        return this;
    }

    Html h3(String text) {
        return element("h3", null, text);
    }

    Html p(String text) {
        return element("p", null, text);
    }

    /** A paragraph in a CSS class (from this package's style sheet). */
    Html p(String cssClass, String text) {
        return element("p", cssClass, text);
    }

    Html element(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** A verdict banner: the status word big, the reason under it. */
    Html banner(String cssClass, String headline, String detail) {
        out.append("<div class=\"banner ").append(cssClass).append("\"><strong>").append(escape(headline)).append("</strong>");
        if (detail != null && !detail.isBlank()) {
            out.append("<span>").append(escape(detail)).append("</span>");
        }
        out.append("</div>\n");
        return this;
    }

    /** A table; cells are text. A row's cell may be a {@link Cell} for a CSS class (numbers, verdicts). */
    Html table(List<String> headers, List<List<Object>> rows) {
        out.append("<table>\n<thead><tr>");
        for (String h : headers) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : rows) {
            out.append("<tr>");
            for (Object cell : row) {
                if (cell instanceof Cell c) {
                    out.append("<td class=\"").append(c.cssClass()).append("\">").append(escape(c.text())).append("</td>");
                } else {
                    out.append("<td>").append(escape(cell == null ? "" : cell.toString())).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        return this;
    }

    /** A PNG image inlined as a data: URI, with its alternative text. */
    Html png(byte[] png, String alt, int width, int height) {
        out.append("<figure><img class=\"chart\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"></figure>\n");
        return this;
    }

    /** A link to a file by its relative path, made of already separated segments. */
    Html link(List<String> segments, String text, String note) {
        StringBuilder href = new StringBuilder();
        for (String s : segments) {
            if (href.length() > 0) {
                href.append('/');
            }
            href.append(s.equals("..") ? ".." : encodeSegment(s));
        }
        out.append("<li><a href=\"").append(escape(href.toString())).append("\">").append(escape(text)).append("</a>");
        if (note != null) {
            out.append(" <span class=\"note\">").append(escape(note)).append("</span>");
        }
        out.append("</li>\n");
        return this;
    }

    Html listStart() {
        out.append("<ul class=\"files\">\n");
        return this;
    }

    Html listEnd() {
        out.append("</ul>\n");
        return this;
    }

    /** Preformatted text (console output, profiler summaries). */
    Html pre(String text) {
        return element("pre", null, text);
    }

    /** A collapsible block: {@code summary} shown, the preformatted {@code text} on opening (no script needed). */
    Html details(String summary, String text) {
        out.append("<details><summary>").append(escape(summary)).append("</summary><pre>").append(escape(text))
                .append("</pre></details>\n");
        return this;
    }

    /** The table of contents: links to the page's sections. */
    Html nav(List<String[]> idAndTitle) {
        out.append("<nav>");
        for (String[] s : idAndTitle) {
            out.append("<a href=\"#").append(escape(s[0])).append("\">").append(escape(s[1])).append("</a> ");
        }
        out.append("</nav>\n");
        return this;
    }

    String finish(String footer) {
        out.append("<footer>").append(escape(footer)).append("</footer>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** A table cell with a CSS class of this package's style sheet. */
    record Cell(String text, String cssClass) {
        static Cell number(String text) {
            return new Cell(text, "num");
        }
    }
}
