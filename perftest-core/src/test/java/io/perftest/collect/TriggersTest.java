package io.perftest.collect;

import io.perftest.model.TriggerFiring;
import org.junit.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class TriggersTest {

    /** Records what the triggers asked for. */
    static final class RecordingActions implements TriggerActions {
        final List<String> done = new ArrayList<>();

        @Override
        public void abort(String reason) {
            done.add("abort: " + reason);
        }

        @Override
        public void markUnstable(String reason) {
            done.add("unstable: " + reason);
        }

        @Override
        public void log(String message) {
            done.add("log: " + message);
        }

        @Override
        public void runCommand(List<String> argv) {
            done.add("run: " + argv);
        }
    }

    @Test
    public void shouldParseCounterOperatorThresholdDurationAndActions() {
        Trigger t = Trigger.parse("sar.cpu.all.idle < 5 for 30s: log, run ./diag.sh --fast, abort");

        assertEquals("sar.cpu.all.idle", t.counter());
        assertEquals(Duration.ofSeconds(30), t.holdFor());
        assertEquals("[log, run ./diag.sh --fast, abort]", t.actions().toString());
        assertEquals(List.of("./diag.sh", "--fast"), t.actions().get(1).argv());
        assertTrue(t.holds(4.9));
        assertTrue(!t.holds(5));
    }

    @Test
    public void shouldLogByDefaultAndFireAtOnceWithoutDuration() {
        Triggers triggers = Triggers.parse(List.of("proc.mem.used_pct>=90"));
        RecordingActions a = new RecordingActions();

        triggers.sample(1000, Map.of("proc.mem.used_pct", 91.0), a);

        assertEquals(1, a.done.size());
        assertTrue(a.done.get(0), a.done.get(0).startsWith("log: trigger 'proc.mem.used_pct>=90' fired"));
    }

    @Test
    public void shouldRejectBadTriggersWithTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trigger.parse("sar.cpu.all.idle below 5"));
        assertTrue(e.getMessage().contains("COUNTER OP NUMBER"));
        e = assertThrows(IllegalArgumentException.class, () -> Trigger.parse("x < 5 for 3s: reboot"));
        assertTrue(e.getMessage().contains("unknown action 'reboot'"));
        e = assertThrows(IllegalArgumentException.class, () -> Trigger.parse("x < 5 for soon"));
        assertTrue(e.getMessage().contains("not a duration"));
    }

    @Test
    public void shouldFireOnlyAfterTheConditionHeldForItsDurationAndOnlyOncePerEpisode() {
        Triggers triggers = Triggers.parse(List.of("c < 5 for 3s: unstable"));
        RecordingActions a = new RecordingActions();

        triggers.sample(0, Map.of("c", 1.0), a);
        triggers.sample(1000, Map.of("c", 1.0), a);
        triggers.sample(2000, Map.of("c", 9.0), a);   // interrupted: starts again
        triggers.sample(3000, Map.of("c", 1.0), a);
        triggers.sample(5000, Map.of("c", 1.0), a);
        assertTrue(a.done.isEmpty());
        triggers.sample(6000, Map.of("c", 2.0), a);    // held 3s
        triggers.sample(7000, Map.of("c", 2.0), a);    // still holding: no second firing
        triggers.sample(8000, Map.of("c", 7.0), a);
        triggers.sample(9000, Map.of("c", 1.0), a);
        triggers.sample(12000, Map.of("c", 1.0), a);   // a new episode held 3s

        assertEquals(2, a.done.size());
        List<TriggerFiring> f = triggers.firings();
        assertEquals(6000, f.get(0).atMillis());
        assertEquals(2.0, f.get(0).value(), 0);
        assertEquals(List.of("unstable"), f.get(0).actions());
        assertEquals(12000, f.get(1).atMillis());
    }

    @Test
    public void shouldSayOnceWhenNoCollectorProvidesTheCounter() {
        Triggers triggers = Triggers.parse(List.of("sar.cpu.all.idel < 5: abort"));
        RecordingActions a = new RecordingActions();

        for (int i = 0; i < 10; i++) {
            triggers.sample(i * 1000L, Map.of("sar.cpu.all.idle", 50.0, "sar.cpu.all.user", 40.0), a);
        }

        assertEquals(1, a.done.size());
        assertTrue(a.done.get(0), a.done.get(0).contains("no running collector provides counter 'sar.cpu.all.idel'")
                && a.done.get(0).contains("sar.cpu.all.idle"));
    }
}
