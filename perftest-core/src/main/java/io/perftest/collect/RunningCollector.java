package io.perftest.collect;

import io.perftest.ingest.ParseResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A collector started on one host. The engine calls its methods in this order, stop/fetch whatever happened before. */
public interface RunningCollector {

    /** The script was started (iteration 1) with this pid on the execution host; profilers may attach now. */
    default void testStarted(long scriptPid) throws IOException, InterruptedException {
    }

    /** The latest value of each live counter (for triggers), by metric key; empty if none. */
    default Map<String, Double> latest() {
        return Map.of();
    }

    /** Stops collecting; must leave no process behind. */
    void stop() throws IOException, InterruptedException;

    /** Copies this collector's files from the host into {@code localDirectory} ({@code hosts/<host>/<type>/}). */
    void fetch(Path localDirectory) throws IOException;

    /** Turns the fetched files into metrics and series; problems are reported, not thrown. */
    ParseResult results(Path localDirectory) throws IOException;
}
