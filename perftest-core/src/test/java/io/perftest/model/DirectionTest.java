package io.perftest.model;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.assertThrows;

public class DirectionTest {

    @Test
    public void shouldGuessHigherIsBetterForThroughputAndRates() {
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("throughput", Unit.NONE));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("Requests_per_sec", Unit.NONE));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("cache_hits", Unit.NONE));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("rx", Unit.parse("kB/s")));
    }

    @Test
    public void shouldGuessLowerIsBetterForTimesLatenciesAndErrors() {
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("AvgLatency", Unit.MILLISECONDS));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("latency_p99", Unit.NONE));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("FailureRate", Unit.NONE));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("errors", Unit.NONE));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.guess("warmup", Unit.SECONDS));
    }

    @Test
    public void shouldGuessNeutralWhenNameAndUnitSayNothing() {
        assertEquals(Direction.NEUTRAL, Direction.guess("Iterations", Unit.NONE));
        assertEquals(Direction.NEUTRAL, Direction.guess("user", Unit.PERCENT));
    }

    @Test
    public void shouldReadLabelsAndEnumNames() {
        for (Direction d : Direction.values()) {
            assertEquals(d, Direction.fromLabel(d.label()));
            assertEquals(d, Direction.fromLabel(" " + d.name().toLowerCase() + " "));
        }
    }

    @Test
    public void shouldRejectAnUnknownLabelListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Direction.fromLabel("up"));
        assertEquals("unknown direction 'up' (expected higher, lower or none)", e.getMessage());
    }

    /**
     * Real names, as the parsers and collectors emit them or read them from tools' files: whatever
     * the unit, a name that says errors, failures, drops, retransmits, timeouts or rejections is
     * lower is better (a rising error rate is never an improvement).
     */
    @Test
    public void shouldRateEveryNameThatSaysBadEventsLowerIsBetterInAnyUnit() {
        Object[][] table = {
            // results.csv / multicol.csv / datapoints written by scripts and load tools (k6, Locust, custom)
            {"errors_per_sec", Unit.NONE}, {"errors_per_sec", Unit.PER_SECOND}, {"error_rate", Unit.parse("/s")},
            {"error_rate", Unit.PERCENT}, {"ErrorRate", Unit.NONE}, {"http_req_failed", Unit.NONE}, {"failures/s", Unit.parse("1/s")},
            {"checks_failed", Unit.COUNT}, {"requests_aborted", Unit.COUNT}, {"timed_out", Unit.COUNT}, {"timeouts_per_sec", Unit.NONE},
            {"packet_loss_pct", Unit.PERCENT}, {"packets_lost", Unit.COUNT}, {"exceptions", Unit.COUNT}, {"connections_refused", Unit.COUNT},
            // proc and sar (sadf -n EDEV, ETCP, EUDP, EIP) network counters, per second
            {"rx_drops", Unit.PER_SECOND}, {"tx_drops", Unit.PER_SECOND}, {"rx_errors", Unit.PER_SECOND}, {"rxdrop/s", Unit.PER_SECOND},
            {"rxerr/s", Unit.PER_SECOND}, {"isegerr/s", Unit.PER_SECOND}, {"idgmerr/s", Unit.PER_SECOND}, {"retrans/s", Unit.PER_SECOND},
            {"RetransSegs", Unit.COUNT}, {"TCPTimeouts", Unit.COUNT}, {"rxdrop-kBps", Unit.KILOBYTES_PER_SECOND},
            // JMeter and Gatling (request tables), wrk, hyperfine, fio, JMH, strace
            {"errors", Unit.COUNT}, {"error_pct", Unit.PERCENT}, {"errors.timeout", Unit.COUNT}, {"errors.connect", Unit.COUNT},
            {"failed_runs", Unit.COUNT}, {"score_error", Unit.parse("ops/s")}, {"futex.errors", Unit.COUNT},
            // JMX attributes (Tomcat, Kafka, HikariCP) and command counters
            {"errorCount", Unit.NONE}, {"rejectedSessions", Unit.NONE}, {"failed-fetch-requests-per-sec", Unit.PER_SECOND},
            {"connectionTimeoutRate", Unit.PER_SECOND}, {"queue_rejects", Unit.COUNT}, {"HTTPErrors", Unit.COUNT},
            {"discarded_messages", Unit.PER_SECOND},
        };
        for (Object[] row : table) {
            String name = (String) row[0];
            assertEquals(name + " in " + row[1], Direction.LOWER_IS_BETTER, Direction.guess(name, (Unit) row[1]));
            assertTrue(name, Direction.namesBadEvents(name));
        }
    }

    @Test
    public void shouldNotReadBadEventsIntoNamesThatOnlyContainTheLetters() {
        for (String name : List.of("interrupts", "intr/s", "throughput", "requests_per_sec", "iops", "response_time_output",
                "ferry_count", "glossary_size", "cache_hits", "timer", "overtime")) {
            assertFalse(name, Direction.namesBadEvents(name));
        }
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("requests_per_sec", Unit.PER_SECOND));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.guess("rx_kBps", Unit.KILOBYTES_PER_SECOND));
        assertEquals(Direction.NEUTRAL, Direction.guess("interrupts", Unit.NONE));
    }
}
