package io.perftest.cli;

import io.perftest.run.RunControl;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a cancel of the run, so that the engine still stops
 * monitors, collects, and cleans up before the command exits with code 4. A second Ctrl-C is
 * ignored while cleanup runs (it is bounded by the grace period).
 */
final class Interrupts implements AutoCloseable {

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private Interrupts() {
    }

    static Interrupts cancelOnSignal(RunControl control) {
        Interrupts i = new Interrupts();
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal s = new Signal(name);
                SignalHandler old = Signal.handle(s, sig -> control.cancel("interrupted by SIG" + sig.getName()));
                i.signals.add(s);
                i.previous.add(old);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this platform does not let us handle the signal: the JVM's default applies
            }
        }
        return i;
    }

    @Override
    public void close() {
        for (int k = 0; k < signals.size(); k++) {
            try {
                Signal.handle(signals.get(k), previous.get(k));
            } catch (IllegalArgumentException e) {
                // nothing to restore
            }
        }
    }
}
