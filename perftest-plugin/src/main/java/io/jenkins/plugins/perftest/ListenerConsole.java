package io.jenkins.plugins.perftest;

import hudson.model.TaskListener;
import io.perftest.run.Console;
import java.io.PrintStream;

/** The engine's {@link Console} on the build log: script lines prefixed with their node, engine messages with {@code [perftest]}. */
final class ListenerConsole implements Console {

    private final TaskListener listener;

    ListenerConsole(TaskListener listener) {
        this.listener = listener;
    }

    @Override
    public void output(String host, String line, boolean stderr) {
        print("[" + host + "] " + line);
    }

    @Override
    public void info(String message) {
        print("[perftest] " + message);
    }

    @Override
    public void warn(String message) {
        print("[perftest] WARNING: " + message);
    }

    private void print(String line) {
        PrintStream out = listener.getLogger();
        synchronized (out) {
            out.println(line);
        }
    }
}
