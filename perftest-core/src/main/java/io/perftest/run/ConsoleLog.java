package io.perftest.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code console.log} of a run, and the tee to the user's {@link Console}: every script line
 * prefixed with its host, every engine message with {@code [perftest]}. Thread-safe; flushed at
 * least once a second so a killed CLI loses at most a second of output.
 */
final class ConsoleLog implements Console, AutoCloseable {

    private final Console delegate;
    private final BufferedWriter writer;
    private long lastFlush = System.nanoTime();
    private boolean failed;
    private volatile long lastOutput = System.nanoTime();

    ConsoleLog(Path file, Console delegate) throws IOException {
        this.delegate = delegate;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void output(String host, String line, boolean stderr) {
        lastOutput = System.nanoTime();
        write("[" + host + "] " + line);
        delegate.output(host, line, stderr);
    }

    @Override
    public void info(String message) {
        write("[perftest] " + message);
        delegate.info(message);
    }

    @Override
    public void warn(String message) {
        write("[perftest] WARNING: " + message);
        delegate.warn(message);
    }

    /** When the script last printed a line ({@link System#nanoTime()}). */
    long lastOutput() {
        return lastOutput;
    }

    /** Writes a line to console.log only (what the caller prints itself at the end, such as the comparison). */
    void record(String message) {
        write("[perftest] " + message);
    }

    private synchronized void write(String line) {
        if (failed) {
            return;
        }
        try {
            writer.write(line);
            writer.newLine();
            if (System.nanoTime() - lastFlush > 1_000_000_000L) {
                writer.flush();
                lastFlush = System.nanoTime();
            }
        } catch (IOException e) {
            failed = true;
            delegate.warn("cannot write console.log any more: " + e.getMessage());
        }
    }

    synchronized void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            failed = true;
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            delegate.warn("cannot close console.log: " + e.getMessage());
        }
    }
}
