package io.perftest.run;

/**
 * Where a run reports as it goes: the script's output lines (with the host they came from) and
 * the engine's own messages. Implementations must be thread-safe: output arrives from several
 * threads at once.
 */
public interface Console {

    /** A line the script printed on {@code host}; {@code stderr} tells which stream. */
    void output(String host, String line, boolean stderr);

    /** Progress of the run (stage started, iteration finished). */
    void info(String message);

    /** Something the user should know and may act on (a collector missing, a bad result line). */
    void warn(String message);

    /** A console that prints nothing. */
    Console SILENT = new Console() {
        @Override
        public void output(String host, String line, boolean stderr) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
