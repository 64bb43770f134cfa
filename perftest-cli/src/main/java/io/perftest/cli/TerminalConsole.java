package io.perftest.cli;

import io.perftest.run.Console;

import java.io.PrintWriter;

/**
 * The run's console on a terminal: script lines prefixed with their host, engine messages
 * prefixed with {@code perftest:}. Everything goes to {@code out}, except with {@code --json}
 * where stdout is reserved for the JSON and all of it goes to {@code err}.
 */
final class TerminalConsole implements Console {

    private final PrintWriter lines;
    private final PrintWriter messages;
    private final boolean quiet;

    TerminalConsole(PrintWriter lines, PrintWriter messages, boolean quiet) {
        this.lines = lines;
        this.messages = messages;
        this.quiet = quiet;
    }

    @Override
    public synchronized void output(String host, String line, boolean stderr) {
        if (!quiet) {
            lines.println("[" + host + "] " + line);
            lines.flush();
        }
    }

    @Override
    public synchronized void info(String message) {
        if (!quiet) {
            messages.println("perftest: " + message);
            messages.flush();
        }
    }

    @Override
    public synchronized void warn(String message) {
        messages.println("perftest: WARNING: " + message);
        messages.flush();
    }
}
