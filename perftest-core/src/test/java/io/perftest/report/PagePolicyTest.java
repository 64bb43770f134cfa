package io.perftest.report;

import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class PagePolicyTest {

    @Test
    public void shouldAllowNoScriptOnAPageWithoutOne() {
        String policy = PagePolicy.of("<!DOCTYPE html><html><head><style>p{}</style></head><body><p>x</p></body></html>");

        assertTrue(policy, policy.contains("script-src 'none'"));
        assertTrue(policy, policy.startsWith("default-src 'none'"));
    }

    @Test
    public void shouldAllowEachInlineScriptByTheHashOfItsExactText() throws Exception {
        String first = "\n\tlet a = 1;\n";
        String second = "document.title = 'é';";
        String html = "<html><head><SCRIPT>" + first + "</script></head><body><script type='text/javascript'>" + second
                + "</Script><script src='https://evil.example/x.js'></script><scripts>not one</scripts></body></html>";

        assertEquals(List.of(first, second), PagePolicy.inlineScripts(html));
        String policy = PagePolicy.of(html);
        assertTrue(policy, policy.contains("script-src 'sha256-" + sha256(first) + "' 'sha256-" + sha256(second) + "';"));
        assertFalse("no source allows the remote script", policy.contains("evil"));
    }

    @Test
    public void shouldTreatOnlyHtmlFilesAsPages() {
        assertTrue(PagePolicy.isPage("report.html"));
        assertTrue(PagePolicy.isPage("perf-flamegraph.HTM"));
        assertFalse(PagePolicy.isPage("chart.svg"));
        assertFalse(PagePolicy.isPage("results.csv"));
    }

    private static String sha256(String s) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
