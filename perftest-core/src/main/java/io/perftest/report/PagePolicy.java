package io.perftest.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy an HTML page the core wrote into a run directory is served with
 * (the run's {@code report.html}, the flame graphs under {@code hosts/}): nothing is fetched from
 * anywhere, images only inline, and no script runs but the page's own inline scripts, each
 * allowed by the SHA-256 hash of its text. A page altered after it was written, or a script a
 * result file smuggled into it, no longer matches and does not run. Pages of this package have
 * no script at all, so they get {@code script-src 'none'}.
 */
public final class PagePolicy {

    private static final Pattern SCRIPT_START = Pattern.compile("<script(?=[\\s>/])([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_END = Pattern.compile("</script", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC_ATTRIBUTE = Pattern.compile("(^|\\s)src\\s*=", Pattern.CASE_INSENSITIVE);

    private PagePolicy() {
    }

    /** The policy for {@code html}: {@code script-src} lists the hash of every inline script in it. */
    public static String of(String html) {
        List<String> sources = new ArrayList<>();
        for (String script : inlineScripts(html)) {
            String source = "'sha256-" + sha256(script) + "'";
            if (!sources.contains(source)) {
                sources.add(source);
            }
        }
        return "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src "
                + (sources.isEmpty() ? "'none'" : String.join(" ", sources))
                + "; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    }

    /** The text of every {@code <script>} element without a {@code src}, as a browser hashes it. */
    static List<String> inlineScripts(String html) {
        List<String> out = new ArrayList<>();
        Matcher start = SCRIPT_START.matcher(html);
        int from = 0;
        while (start.find(from)) {
            Matcher end = SCRIPT_END.matcher(html);
            int contentStart = start.end();
            if (!end.find(contentStart)) {
                break; // an unterminated script: nothing of it is allowed
            }
            if (!SRC_ATTRIBUTE.matcher(start.group(1)).find()) {
                out.add(html.substring(contentStart, end.start()));
            }
            from = end.end();
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether a file of the run directory is a page to serve under this policy (by its name). */
    public static boolean isPage(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }
}
