package io.perftest.model;

import org.junit.Test;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class CollectorSpecTest {

    @Test
    public void shouldReadATypeAlone() {
        CollectorSpec spec = CollectorSpec.parse(" sar ");
        assertEquals("sar", spec.type());
        assertTrue(spec.options().isEmpty());
    }

    @Test
    public void shouldReadOptionsInTheOrderWritten() {
        CollectorSpec spec = CollectorSpec.parse("sar:interval=500ms, devices = all");
        assertEquals("sar", spec.type());
        assertEquals(List.of("interval", "devices"), List.copyOf(spec.options().keySet()));
        assertEquals("all", spec.option("devices", "none"));
        assertEquals("fallback", spec.option("missing", "fallback"));
    }

    @Test
    public void shouldPrintWhatItReadsBack() {
        CollectorSpec spec = CollectorSpec.parse("perf:events=cycles,freq=99");
        assertEquals("perf:events=cycles,freq=99", spec.toString());
        assertEquals(spec, CollectorSpec.parse(spec.toString()));
    }

    @Test
    public void shouldTakeACommaInsideADoubleQuotedValueAndPrintItBackQuoted() {
        CollectorSpec spec = CollectorSpec.parse(
                "jmx:url=h:9010,attributes=\"Catalina:type=GRP,name=\\\"http-nio-8080\\\"/requestCount\" ,interval=2s");

        assertEquals(Map.of("url", "h:9010", "attributes", "Catalina:type=GRP,name=\"http-nio-8080\"/requestCount", "interval", "2s"),
                spec.options());
        assertEquals(spec, CollectorSpec.parse(spec.toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectorSpec.parse("command:run=\"a b\" c"));
        assertTrue(e.getMessage(), e.getMessage().contains("a value in double quotes runs to its closing quote"));
        assertThrows(IllegalArgumentException.class, () -> CollectorSpec.parse("command:run=\"a b"));
    }

    @Test
    public void shouldKeepAnEmptyValue() {
        assertEquals(Map.of("x", ""), CollectorSpec.parse("proc:x=").options());
    }

    @Test
    public void shouldRejectAMissingTypeSayingTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectorSpec.parse(":interval=1s"));
        assertTrue(e.getMessage(), e.getMessage().contains("has no type (expected TYPE[:KEY=VALUE,...]"));
    }

    @Test
    public void shouldRejectAnOptionWithoutEqualsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectorSpec.parse("sar:interval"));
        assertEquals("collector option 'interval' in 'sar:interval' is not KEY=VALUE", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CollectorSpec.parse("sar:=1s"));
    }

    @Test
    public void shouldNotBeChangedThroughTheOptionsGiven() {
        java.util.Map<String, String> options = new java.util.HashMap<>(Map.of("a", "1"));
        CollectorSpec spec = new CollectorSpec("sar", options);
        options.put("b", "2");
        assertEquals(Map.of("a", "1"), spec.options());
        assertThrows(UnsupportedOperationException.class, () -> spec.options().put("c", "3"));
    }
}
