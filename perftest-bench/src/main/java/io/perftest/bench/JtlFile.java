package io.perftest.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates a JMeter JTL CSV of a given size for the benchmarks (deterministic: seeded): JMeter's
 * default columns and header, 12 labels (one quoted, holding a comma), log-normal-ish elapsed
 * times, 2% errors. Written into the temp directory, never into the repository.
 */
public final class JtlFile {

    private static final String[] LABELS = {"Home page", "\"Login, then dashboard\"", "Search", "Product", "Cart",
        "Checkout", "Payment", "Confirm", "Profile", "Logout", "Static js", "Static css"};

    private JtlFile() {
    }

    /** The file {@code jtl-<mb>mb.jtl} in {@code java.io.tmpdir}, generated if it is not there yet. */
    public static Path ofMegabytes(long mb) throws IOException {
        Path p = Path.of(System.getProperty("java.io.tmpdir"), "perftest-bench-jtl-" + mb + "mb.jtl");
        if (Files.exists(p) && Files.size(p) >= mb << 20) {
            return p;
        }
        Path tmp = Path.of(p + ".part");
        write(tmp, mb << 20);
        Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    static void write(Path file, long bytes) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        long written = 0;
        long ts = 1_717_200_000_000L;
        StringBuilder b = new StringBuilder(256);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            byte[] header = ("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
                    + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n").getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            written += header.length;
            while (written < bytes) {
                int l = rnd.nextInt(LABELS.length);
                int connect = rnd.nextInt(6);
                double g = rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble();
                int elapsed = connect + (int) (Math.exp(g) * (20 + 10 * l));
                boolean ok = rnd.nextInt(50) != 0;
                ts += rnd.nextInt(3);
                b.setLength(0);
                b.append(ts).append(',').append(elapsed).append(',').append(LABELS[l]).append(',')
                        .append(ok ? "200,OK," : "500,Internal Server Error,").append("Thread Group 1-").append(1 + rnd.nextInt(64))
                        .append(",text,").append(ok).append(',').append(ok ? "" : "Response code was 500").append(',')
                        .append(900 + rnd.nextInt(300)).append(',').append(100 + rnd.nextInt(50)).append(",64,64,")
                        .append("http://127.0.0.1:8080/app/").append(l).append(',')
                        .append(Math.max(connect, elapsed - rnd.nextInt(1 + elapsed / 4))).append(",0,").append(connect).append('\n');
                byte[] line = b.toString().getBytes(StandardCharsets.US_ASCII);
                out.write(line);
                written += line.length;
            }
        }
    }
}
