package io.perftest.model;

import org.junit.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class MetricKeyTest {

    private static final MetricKey JMETER = MetricKey.of("jmeter");

    @Test
    public void shouldWritePlainLabelsExactlyAsBefore() {
        for (String label : List.of("login", "a_b", "Login-0", "GET_api_users", "caf\u00e9", "\u6e2c\u8a66", "total_", "0")) {
            assertEquals("jmeter." + label + ".elapsed.p95", JMETER.label(label).then("elapsed").statistic("p95").text());
        }
        assertEquals("sar.cpu.all.user@stats1", MetricKey.of("sar").then("cpu", "all", "user").onHost("stats1").text());
        assertEquals("sar.cpu.all.user@db.example.com", MetricKey.of("sar").then("cpu", "all", "user").onHost("db.example.com").text());
    }

    @Test
    public void shouldGiveTheMergedLabelsOfTheIssueThreeDifferentKeys() {
        List<String> keys = List.of("a b", "a_b", "a.b", "GET /api/users", "GET /api/users/").stream()
                .map(l -> JMETER.label(l).then("elapsed").statistic("mean").text()).toList();
        assertEquals(List.of("jmeter.\"a b\".elapsed.mean", "jmeter.a_b.elapsed.mean", "jmeter.\"a.b\".elapsed.mean",
                "jmeter.\"GET /api/users\".elapsed.mean", "jmeter.\"GET /api/users/\".elapsed.mean"), keys);
    }

    @Test
    public void shouldQuoteEscapeAndKeepEveryKeyOnOnePrintableLine() {
        assertEquals("jmeter.\"say \\\"hi\\\" \\\\ bye\".count", JMETER.label("say \"hi\" \\ bye").then("count").text());
        assertEquals("jmeter.\"a\\nb\\tc\\u001b[2J\\u202ed\".count", JMETER.label("a\nb\tc\u001b[2J\u202ed").then("count").text());
        assertEquals("jmeter.\"\".count", JMETER.label("").then("count").text());
        assertEquals("jmeter.\"\\ud800x\".count", JMETER.label("\ud800x").then("count").text());
        assertEquals("jmeter.\"\ud83d\ude00 smile\".count", JMETER.label("\ud83d\ude00 smile").then("count").text());
    }

    @Test
    public void shouldReadEveryPartBackVerbatimFromRandomUnicodeLabels() {
        SplittableRandom random = new SplittableRandom(20240611);
        for (int i = 0; i < 20_000; i++) {
            String label = randomText(random);
            String device = randomText(random);
            String host = randomText(random);
            MetricKey k = MetricKey.of("src").label(label).then("q", device).statistic("p95").onHost(host).forClient("2");
            MetricKey back = MetricKey.parse(k.text());
            assertEquals(k.text(), back.text());
            assertEquals(List.of(label, "q", device, "p95"), back.parts());
            assertEquals(Optional.of(host), back.host());
            assertEquals(Optional.of("2"), back.client());
            assertEquals("src", back.source());
            assertFalse(k.text(), k.text().codePoints().anyMatch(VisibleText::isHidden));
            MetricKey withRoles = MetricKey.parse(k.text(), Optional.of(label), Optional.of("p95"));
            assertEquals(Optional.of(label), withRoles.label());
            assertEquals(Optional.of("p95"), withRoles.statistic());
        }
    }

    @Test
    public void shouldNeverGiveTwoDifferentLabelsTheSameKey() {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, String> labelOfKey = new HashMap<>();
        List<String> labels = new ArrayList<>(List.of("a b", "a_b", "a.b", "a", "b", "a\"b", "a\\b", "\"a b\"", "a\\\"b",
                "a@b", "a~b", "a*b", "", " ", "total", "\\u0041", "A"));
        for (int i = 0; i < 50_000; i++) {
            labels.add(randomText(random));
        }
        for (String label : labels) {
            String key = JMETER.label(label).then("count").text();
            String before = labelOfKey.putIfAbsent(key, label);
            assertTrue("'" + before + "' and '" + label + "' both give " + key, before == null || before.equals(label));
        }
    }

    @Test
    public void shouldKeepALabelSpelledLikeThePartTheSourceWritesThereApart() {
        assertEquals("jmeter.total.count", JMETER.then("total").then("count").text());
        assertEquals("jmeter.\"total\".count", JMETER.quotedLabel("total").then("count").text());
        assertEquals(List.of("total", "count"), MetricKey.parse("jmeter.\"total\".count").parts());
        assertNotEquals(MetricKey.parse("jmeter.total.count"), MetricKey.parse("jmeter.\"total\".count"));
    }

    @Test
    public void shouldKnowItsPartsByRole() {
        MetricKey k = JMETER.label("GET /api").then("elapsed").statistic("p95").onHost("load1");
        assertEquals("jmeter", k.source());
        assertEquals(Optional.of("GET /api"), k.label());
        assertEquals(List.of("elapsed"), k.quantity());
        assertEquals(Optional.of("p95"), k.statistic());
        assertEquals(Optional.of("load1"), k.host());
        assertEquals(Optional.empty(), k.client());
        MetricKey gatlingGroup = MetricKey.of("gatling").then("group").label("Browse/Page").then("count");
        assertEquals("gatling.group.\"Browse/Page\".count", gatlingGroup.text());
        assertEquals(List.of("group", "count"), gatlingGroup.quantity());
        assertThrows(IllegalStateException.class, () -> k.label("again"));
        assertThrows(IllegalStateException.class, () -> JMETER.statistic("mean").then("more"));
    }

    @Test
    public void shouldReadADottedUserNameAsParts() {
        assertEquals("results.db.query.time", MetricKey.of("results").name("db.query.time").text());
        assertEquals("results.\"latency p95\"", MetricKey.of("results").name("latency p95").text());
        assertEquals("results.a.\"\".b", MetricKey.of("results").name("a..b").text());
        assertEquals(List.of("a", "", "b"), MetricKey.parse("results.a.\"\".b").parts());
    }

    @Test
    public void shouldReadAnyTextAndKeepItAsTheKey() {
        for (String legacy : List.of("results.a/b", "results.a\"b", "x", "jmeter.\"unclosed.count", "a@b@c", "sar.cpu@", "a.\"b\"c.d",
                "p.\"\\q\".x", "", "..", "@~")) {
            assertEquals(legacy, MetricKey.parse(legacy).text());
        }
        assertEquals(List.of("a/b"), MetricKey.parse("results.a/b").parts());
        assertEquals(Optional.of("db.example.com"), MetricKey.parse("sar.cpu.all.user@db.example.com").host());
        assertEquals(List.of("cpu", "all", "user"), MetricKey.parse("sar.cpu.all.user@db.example.com").parts());
        assertEquals(List.of("\"unclosed", "count"), MetricKey.parse("jmeter.\"unclosed.count").parts());
    }

    @Test
    public void shouldSayWhereAQuotedLabelGoesWrong() {
        assertEquals(10, MetricKey.endOfQuoted("jmeter.\"a\".count", 7));
        MetricKey.BadQuote open = assertThrows(MetricKey.BadQuote.class, () -> MetricKey.endOfQuoted("jmeter.\"a b", 7));
        assertEquals(7, open.offset());
        assertTrue(open.getMessage(), open.getMessage().contains("not closed"));
        MetricKey.BadQuote escape = assertThrows(MetricKey.BadQuote.class, () -> MetricKey.endOfQuoted("x.\"a\\qb\"", 2));
        assertEquals(4, escape.offset());
        assertTrue(escape.getMessage(), escape.getMessage().contains("unknown escape '\\q'"));
        assertThrows(MetricKey.BadQuote.class, () -> MetricKey.endOfQuoted("x.\"\\u12\"", 2));
    }

    @Test
    public void shouldRecogniseTheSameMetricWrittenOtherwiseOrAsBeforeLabelsWereKept() {
        MetricKey now = JMETER.label("GET /api/users").then("elapsed").statistic("p95");
        assertTrue(MetricKey.parse("jmeter.GET_api_users.elapsed.p95").resembles(now));
        assertTrue(MetricKey.parse("jmeter.\"login\".count").resembles(JMETER.label("login").then("count")));
        assertTrue(MetricKey.parse("results.latency_p95").resembles(MetricKey.of("results").name("latency p95")));
        assertFalse(MetricKey.parse("jmeter.other.elapsed.p95").resembles(now));
        assertFalse(now.resembles(now));
    }

    @Test
    public void shouldBeEqualOrderedAndHashedByItsText() {
        MetricKey a = JMETER.label("a b").then("count");
        MetricKey b = MetricKey.parse("jmeter.\"a b\".count");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertTrue(MetricKey.parse("jmeter.a").compareTo(MetricKey.parse("jmeter.b")) < 0);
        assertEquals("jmeter.\"a b\".count", a.toString());
    }

    /** Up to 12 code points drawn from the syntax's own characters, ASCII, controls, Latin, CJK, emoji and lone surrogates. */
    private static String randomText(SplittableRandom random) {
        String special = ".\"\\@~* \t\n_-/,;:%#";
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(13);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(8)) {
                case 0 -> b.append(special.charAt(random.nextInt(special.length())));
                case 1 -> b.append((char) random.nextInt(0x20));
                case 2 -> b.appendCodePoint(0xc0 + random.nextInt(0x180));
                case 3 -> b.appendCodePoint(0x4e00 + random.nextInt(0x5000));
                case 4 -> b.appendCodePoint(0x1f600 + random.nextInt(0x50));
                case 5 -> b.append((char) (0xd800 + random.nextInt(0x800)));
                case 6 -> b.appendCodePoint(0x2000 + random.nextInt(0x70));
                default -> b.append((char) ('a' + random.nextInt(26)));
            }
        }
        return b.toString();
    }
}
