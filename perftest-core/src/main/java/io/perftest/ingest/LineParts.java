package io.perftest.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a large CSV file in parts split at line ends, one thread per part, and hands the parts'
 * results back in file order with their problems moved to the lines of the whole file. A part
 * reads every record that starts inside it (finishing the one that crosses its end); when a
 * split fell inside a quoted field that spans lines, the parts do not meet exactly and the
 * result is empty, so the caller reads the file in one pass instead.
 */
public final class LineParts {

    /** Files at least twice this large are worth splitting. */
    public static final long MIN_PART = 32L << 20;
    private static final int MAX_PARTS = 8;

    private LineParts() {
    }

    /** Reads the records of one part: every record while {@code csv.consumed() < length}. */
    @FunctionalInterface
    public interface PartReader<R> {
        R read(CsvReader csv, long length, Problems problems) throws IOException;
    }

    /** How many parts a file of {@code size} bytes is worth on {@code cores} cores, parts of at least {@code minPart}. */
    public static int count(long size, long minPart, int cores) {
        return (int) Math.max(1, Math.min(Math.min(cores, MAX_PARTS), size / Math.max(1, minPart)));
    }

    /**
     * Reads {@code file} from offset {@code from} (a line start: just after its header) to its
     * end in {@code count} parts on as many threads.
     *
     * @param linesBefore the number of line ends before {@code from}, so problems get the file's line numbers
     * @param problems    where the parts' problems go, in file order
     * @return the parts' results in file order, or empty when the parts did not meet (read the file in one pass)
     */
    public static <R> Optional<List<R>> read(Path file, long from, long linesBefore, int count, char delimiter,
                                             Problems problems, PartReader<R> reader) throws IOException {
        long size;
        long[] starts = new long[count + 1];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
            starts[0] = from;
            for (int k = 1; k < count; k++) {
                starts[k] = lineStartAtOrAfter(ch, Math.max(starts[k - 1], from + (size - from) * k / count), size);
            }
            starts[count] = size;
        }
        List<Problems> partProblems = new ArrayList<>();
        long[][] consumed = new long[count][2];
        List<Future<R>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "perftest-parts");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int k = 0; k < count; k++) {
                Problems p = new Problems(file.toString());
                partProblems.add(p);
                long start = starts[k];
                long length = starts[k + 1] - start;
                long[] outcome = consumed[k];
                futures.add(pool.submit(() -> {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                        ch.position(start);
                        try (CsvReader csv = new CsvReader(Channels.newInputStream(ch), delimiter)) {
                            R result = reader.read(csv, length, p);
                            outcome[0] = csv.consumed();
                            outcome[1] = csv.linesConsumed();
                            return result;
                        }
                    }
                }));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            for (int k = 0; k < count - 1; k++) {
                if (starts[k] + consumed[k][0] != starts[k + 1]) {
                    return Optional.empty();
                }
            }
            long lines = linesBefore;
            for (int k = 0; k < count; k++) {
                problems.absorb(partProblems.get(k), lines);
                lines += consumed[k][1];
            }
            return Optional.of(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + file);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The offset just after the first line end at or after {@code from} (or the file's size). */
    private static long lineStartAtOrAfter(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = from;
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }
}
