package io.perftest.model;

import org.junit.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class DurationsTest {

    @Test
    public void shouldReadEveryUnitUsersWrite() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(3), Durations.parse("3h"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse(" 1h 30m "));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
    }

    @Test
    public void shouldReadPlainNumberAsSeconds() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("90"));
        assertEquals(Duration.ofMillis(250), Durations.parse("0.25"));
    }

    @Test
    public void shouldFormatInShortestReadableForm() {
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("2m", Durations.format(Duration.ofMinutes(2)));
        assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("1h1s", Durations.format(Duration.ofSeconds(3601)));
    }

    @Test
    public void shouldReadBackWhatItFormatsForRandomMillisecondDurations() {
        Random random = new Random(20240601L);
        for (int i = 0; i < 2000; i++) {
            Duration d = Duration.ofMillis((long) (random.nextDouble() * 365L * 86_400_000L));
            assertEquals(Durations.format(d), d, Durations.parse(Durations.format(d)));
        }
    }

    @Test
    public void shouldReadBackSubMillisecondAndLongFractionalDurations() {
        Duration[] durations = {Duration.ofNanos(1), Duration.ofNanos(1500), Duration.ofNanos(100),
            Duration.ofSeconds(200L * 86400, 1_000_000), Duration.ofSeconds(1, 1)};
        for (Duration d : durations) {
            String text = Durations.format(d);
            assertEquals(text, d, Durations.parse(text));
        }
    }

    @Test
    public void shouldRejectTextThatIsNotADurationNamingItAndTheExpectedForms() {
        for (String bad : new String[] {"abc", "", "  ", "5x", "1h30", "-5s", "s", "1.s", "5 s s"}) {
            IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class, () -> Durations.parse(bad));
            assertTrue(e.getMessage(), e.getMessage().contains("'" + bad + "' is not a duration"));
            assertTrue(e.getMessage(), e.getMessage().contains("expected e.g. 500ms, 30s, 2m, 1h30m"));
        }
    }

    @Test
    public void shouldRejectNullAsNotADuration() {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(null));
    }

    @Test
    public void shouldRejectDurationsLongerThanAYear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("400d"));
        assertEquals("'400d' is longer than a year", e.getMessage());
    }
}
