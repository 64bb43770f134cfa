package io.perftest.collect;

import io.perftest.host.Host;

import java.io.IOException;

/**
 * A source of system or profiler data during a run (sar, /proc, perf, strace, JMX, a command).
 * A collector is configured once per run ({@link CollectorFactory#create}) and started on every
 * host it runs on; each start returns a {@link RunningCollector} for that host.
 */
public interface Collector {

    /** The collector's type, as written in configuration: {@code sar}, {@code proc}, ... */
    String type();

    /**
     * Starts collecting on {@code host}. A collector that cannot run there (tool missing, no
     * permission) throws {@link CollectorUnavailableException} saying why; the run goes on without it.
     */
    RunningCollector start(Host host, CollectorContext context) throws IOException, InterruptedException;
}
