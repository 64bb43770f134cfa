package io.perftest.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.perftest.model.RunSummary;
import io.perftest.model.Series;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One run on disk:
 * <pre>
 * run.json          spec, parameters, provenance, stage timings, status, verdict
 * summary.json      every metric with unit, direction, statistics and samples
 * series.json.gz    the time series (sar, proc, multicol), for charts
 * console.log       the script's output
 * hosts/&lt;host&gt;/   results/, sar/, perf/, ... as collected
 * raw.tar.gz        the archive of hosts/, when asked
 * </pre>
 */
public final class RunDirectory {

    public static final String RUN_JSON = "run.json";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SERIES_JSON = "series.json.gz";
    public static final String CONSOLE_LOG = "console.log";
    public static final String HOSTS = "hosts";
    public static final String ARCHIVE = "raw.tar.gz";

    private final Path path;
    private final int number;

    /** A run directory named by its number ({@code <history>/<number>/}). */
    public RunDirectory(Path path) {
        this(path, 0);
    }

    /**
     * A run directory whose number is not its name, such as a Jenkins build's
     * {@code builds/<number>/perftest/<test>/}.
     *
     * @param number the run number, or 0 to take it from the directory's name
     */
    public RunDirectory(Path path, int number) {
        this.path = path.toAbsolutePath().normalize();
        this.number = number;
    }

    public Path path() {
        return path;
    }

    /** The run number: given, or the directory's name. */
    public int number() {
        return number > 0 ? number : Integer.parseInt(path.getFileName().toString());
    }

    public Path runJson() {
        return path.resolve(RUN_JSON);
    }

    public Path consoleLog() {
        return path.resolve(CONSOLE_LOG);
    }

    /** {@code hosts/<host>/}, where everything fetched from a host goes. */
    public Path hostDirectory(String host) {
        return path.resolve(HOSTS).resolve(safeName(host));
    }

    public Path hostsDirectory() {
        return path.resolve(HOSTS);
    }

    /** A host name made safe as one path element. */
    public static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_.@-]", "_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s.replace('.', '_') : s;
    }

    public boolean exists() {
        return Files.isRegularFile(runJson());
    }

    public RunRecord readRecord() throws IOException {
        try (InputStream in = Files.newInputStream(runJson())) {
            return Json.mapper().readValue(in, RunRecord.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(runJson().toString(), null, "not a run directory: run.json is missing");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(runJson() + ": unreadable (" + e.getOriginalMessage() + ")", e);
        }
    }

    public void writeRecord(RunRecord record) throws IOException {
        AtomicFiles.write(runJson(), out -> Json.mapper().writeValue(out, record));
    }

    public Optional<RunSummary> readSummary() throws IOException {
        Path f = path.resolve(SUMMARY_JSON);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(f)) {
            return Optional.of(SummaryCodec.decode(Json.mapper().readValue(in, SummaryCodec.SummaryFile.class)));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(f + ": unreadable (" + e.getOriginalMessage() + ")", e);
        }
    }

    /**
     * The summary of this run if it completed: empty when there is no run.json, the run did not
     * complete (its numbers would not be comparable) or it has no summary.json.
     *
     * @throws IOException when run.json or summary.json cannot be read or parsed (the message names the file)
     */
    public Optional<RunSummary> completedSummary() throws IOException {
        if (!exists() || readRecord().status() != io.perftest.model.RunStatus.COMPLETED) {
            return Optional.empty();
        }
        return readSummary();
    }

    public void writeSummary(RunSummary summary) throws IOException {
        AtomicFiles.write(path.resolve(SUMMARY_JSON), out -> Json.mapper().writeValue(out, SummaryCodec.encode(summary)));
    }

    /** The JSON form of a series. */
    public record SeriesEntry(String key, String host, String unit, boolean epoch, double[] times, double[] values) {
    }

    public void writeSeries(List<Series> series) throws IOException {
        List<SeriesEntry> entries = new ArrayList<>();
        for (Series s : series) {
            entries.add(new SeriesEntry(s.key(), s.host(), s.unit().symbol(), s.epoch(), s.times(), s.values()));
        }
        AtomicFiles.write(path.resolve(SERIES_JSON), out -> {
            GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
            Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValue(gz, entries);
            gz.finish();
        });
    }

    public List<Series> readSeries() throws IOException {
        Path f = path.resolve(SERIES_JSON);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
            List<SeriesEntry> entries = Json.mapper().readValue(in, new TypeReference<List<SeriesEntry>>() { });
            List<Series> out = new ArrayList<>();
            for (SeriesEntry e : entries) {
                out.add(Series.of(e.key(), e.host() == null ? "" : e.host(), Unit.parse(e.unit()), e.epoch(),
                        e.times(), e.values()));
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
