package io.jenkins.plugins.perftest;

import hudson.console.LineTransformationOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns a process's output, as remoting delivers it, into lines for the engine's consumer
 * (the console log, a collector's parser). Over-long lines are cut, as the core does for local
 * processes.
 */
final class LineSink extends LineTransformationOutputStream {

    static final int MAX_LINE = 64 * 1024;

    private final Consumer<String> consumer;

    LineSink(Consumer<String> consumer) {
        this.consumer = consumer;
    }

    @Override
    protected void eol(byte[] b, int len) throws IOException {
        String line = trimEOL(new String(b, 0, Math.min(len, MAX_LINE), StandardCharsets.UTF_8));
        try {
            consumer.accept(line);
        } catch (RuntimeException e) {
            throw new IOException("the output consumer failed: " + e.getMessage(), e);
        }
    }
}
