package io.perftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.store.Json;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class ParseCommandTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path jtl() throws IOException {
        Path p = tmp.getRoot().toPath().resolve("results.jtl");
        Files.writeString(p, "timeStamp,elapsed,label,responseCode,success,Latency,Connect\n"
                + "1717200000000,100,\"Login, home\",200,true,80,3\n"
                + "1717200000500,300,\"Login, home\",500,false,250,4\n"
                + "1717200001000,20,Static,200,true,10,0\n"
                + "1717200001500,oops,Static,200,true,10,0\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    public void shouldPrintMetricTableOfDetectedFormatAndWarnAboutBadLine() throws IOException {
        Path file = jtl();
        Cli.Result r = Cli.run("parse", file.toString());
        assertEquals(r.err(), 0, r.exitCode());
        assertTrue(r.out(), r.out().lines().anyMatch(l -> l.startsWith("jmeter.\"Login, home\".elapsed.max") && l.contains("300") && l.contains("ms")));
        assertTrue(r.out(), r.out().lines().anyMatch(l -> l.startsWith("jmeter.total.count ") && l.contains(" 3 ")));
        assertTrue(r.err(), r.err().contains(file + ":5: column 2: not a whole number: 'oops'"));
    }

    @Test
    public void shouldPrintJsonWithFilesFormatsAndMetrics() throws IOException {
        Cli.Result r = Cli.run("parse", jtl().toString(), "--json");
        assertEquals(r.err(), 0, r.exitCode());
        JsonNode node = Json.mapper().readTree(r.out());
        assertEquals("jmeter-csv", node.path("files").get(0).path("format").asText());
        assertEquals(1, node.path("files").get(0).path("problemCount").asInt());
        assertEquals(5, node.path("files").get(0).path("problems").get(0).path("line").asInt());
        boolean found = false;
        for (JsonNode m : node.path("metrics")) {
            if (m.path("key").asText().equals("jmeter.total.error_pct")) {
                found = true;
                assertEquals("%", m.path("unit").asText());
                assertEquals("lower", m.path("direction").asText());
            }
        }
        assertTrue(r.out(), found);
    }

    @Test
    public void shouldExitTwoWithOneLineOnUnknownFormat() throws IOException {
        Cli.Result r = Cli.run("parse", jtl().toString(), "--format", "nope");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count());
        assertTrue(r.err(), r.err().contains("unknown format 'nope'; known formats: results-csv"));
    }

    @Test
    public void shouldExitTwoWithOneLineOnUnreadableFile() {
        Cli.Result r = Cli.run("parse", tmp.getRoot().toPath().resolve("missing.jtl").toString());
        assertEquals(2, r.exitCode());
        assertEquals(r.err(), 1, r.err().lines().count());
        assertTrue(r.err(), r.err().contains("cannot read") && r.err().contains("missing.jtl"));
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    public void shouldExitTwoWhenFormatCannotBeDetected() throws IOException {
        Path p = tmp.getRoot().toPath().resolve("notes.txt");
        Files.writeString(p, "just some words\nnothing to measure\n");
        Cli.Result r = Cli.run("parse", p.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err(), r.err().contains(p + ": format not recognised; known formats: results-csv, "));
        assertTrue(r.err(), r.err().contains("; give --format NAME"));
    }

    @Test
    public void shouldSayThatABinarySimulationLogIsGatlingsNewFormatAndShowNoRawBytes() throws IOException {
        Path dir = tmp.newFolder("gatling").toPath();
        Path p = dir.resolve("simulation.log");
        byte[] binary = new byte[600];
        new java.util.Random(7).nextBytes(binary);
        binary[3] = 0;
        binary[10] = 0x1b; // ESC: a terminal escape sequence must not reach the terminal
        Files.write(p, binary);

        Cli.Result detected = Cli.run("parse", p.toString());
        Cli.Result forced = Cli.run("parse", "--format", "gatling", p.toString());

        assertEquals(2, detected.exitCode());
        assertTrue(detected.err(), detected.err().contains("a binary simulation.log: Gatling writes its log in a binary format"));
        assertTrue(forced.err(), forced.err().contains("gatling/gatling#4596"));
        assertEquals(forced.err(), 1, forced.err().lines().filter(l -> l.startsWith("perftest: warning:")).count());
        assertFalse(forced.err().contains("\u001b"));
    }

    @Test
    public void shouldReadGivenFormatAndSourcePrefix() throws IOException {
        Path p = tmp.getRoot().toPath().resolve("out.txt");
        Files.writeString(p, "  10 requests in 1.00s, 1.00KB read\nRequests/sec:     10.00\nTransfer/sec:      1.00KB\n");
        Cli.Result r = Cli.run("parse", p.toString(), "--format", "wrk", "--source", "web");
        assertEquals(r.err(), 0, r.exitCode());
        assertTrue(r.out(), r.out().contains("web.requests_per_sec"));
    }
}
