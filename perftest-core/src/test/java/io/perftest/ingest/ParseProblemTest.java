package io.perftest.ingest;

import io.perftest.model.Metric;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class ParseProblemTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shouldShowControlAndBidiCharactersOfAHostileFileAsEscapes() throws Exception {
        Path jtl = tmp.newFile("hostile.jtl").toPath();
        // an ANSI escape sequence that would clear a terminal, and a right-to-left override
        Files.write(jtl, ("timeStamp,elapsed,label,success\n1717200000000,\u001b[2Jx,home,true\n1717200000001,5,\u202eemoh,true\n")
                .getBytes(StandardCharsets.UTF_8));

        ParseResult r = new JmeterCsvParser().parse(jtl, "jmeter");

        assertEquals(1, r.problemCount());
        String message = r.problems().get(0).toString();
        assertTrue(message, message.contains("\\u001b[2Jx"));
        assertFalse(message, message.chars().anyMatch(Character::isISOControl));
        assertEquals("tab \\u0009, bidi \\u202e, accents \u00e9t\u00e9 and CJK \u6e2c kept",
                ParseProblem.printable("tab \t, bidi \u202e, accents \u00e9t\u00e9 and CJK \u6e2c kept"));
        // the label is kept as written; its key shows the override escaped, so the key reads the same everywhere
        Metric reversed = new JmeterCsvParser().parse(jtl, "jmeter").metrics().stream()
                .filter(m -> m.id().label().equals(Optional.of("\u202eemoh"))).findFirst().orElseThrow();
        assertEquals("jmeter.\"\\u202eemoh\".count", reversed.key());
    }
}
