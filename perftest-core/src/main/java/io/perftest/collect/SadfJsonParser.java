package io.perftest.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.Direction;
import io.perftest.model.MetricKey;
import io.perftest.model.Unit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the JSON that {@code sadf -j} prints for a sysstat data file into {@code sar.*} series
 * and summary metrics: CPU (all and per CPU), memory and swap, load and run queue, context
 * switches, paging, I/O, disks and network interfaces (with errors). Streams the statistics
 * array one sample at a time, so a file cut short keeps every complete sample before the cut.
 */
public final class SadfJsonParser {

    static final Unit KB = Unit.KILOBYTES;
    static final Unit PCT = Unit.PERCENT;
    static final Unit RATE = Unit.PER_SECOND;
    static final Unit KBPS = Unit.KILOBYTES_PER_SECOND;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String prefix;

    /** A parser whose metric keys start with {@code prefix} ({@code sar}). */
    public SadfJsonParser(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Parses {@code file}; problems (empty file, a sample cut short) name {@code displayName} and
     * the line, and never throw.
     */
    public ParseResult parse(Path file, String displayName) throws IOException {
        Problems problems = new Problems(displayName);
        SeriesTable table = new SeriesTable();
        if (Files.size(file) == 0) {
            problems.addFileProblem("empty: sadf printed nothing (was the sysstat data file empty?)");
            return SeriesTable.withProblems(table.toResult(""), problems);
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.getFactory().createParser(in)) {
            boolean found = false;
            try {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.FIELD_NAME && "statistics".equals(p.currentName())) {
                        found = true;
                        if (p.nextToken() != JsonToken.START_ARRAY) {
                            problems.add(p.currentLocation().getLineNr(), "'statistics' is not an array");
                            break;
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode sample = p.readValueAsTree();
                            sample(sample, table, problems, p.currentLocation().getLineNr());
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                problems.add(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                        "the JSON ends or breaks here (" + firstLine(e.getOriginalMessage()) + "): the file is truncated; "
                                + table.rows() + " complete sample(s) before it are kept");
            }
            if (!found && table.rows() == 0 && problems.count() == 0) {
                problems.addFileProblem("no 'statistics' array: not the output of sadf -j");
            }
        }
        return SeriesTable.withProblems(table.toResult(""), problems);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unexpected end";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void sample(JsonNode s, SeriesTable table, Problems problems, long line) {
        JsonNode ts = s.path("timestamp");
        double time;
        try {
            time = LocalDateTime.parse(ts.path("date").asText() + "T" + ts.path("time").asText()).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(line, "sample without a readable timestamp (date/time): skipped");
            return;
        }
        table.startRow(time);
        JsonNode cpus = s.has("cpu-load-all") ? s.path("cpu-load-all") : s.path("cpu-load");
        for (JsonNode c : cpus) {
            String cpu = "cpu." + MetricKey.part(c.path("cpu").asText("all").strip());
            put(table, cpu + ".user", PCT, Direction.LOWER_IS_BETTER, c, "user", "usr");
            put(table, cpu + ".nice", PCT, Direction.LOWER_IS_BETTER, c, "nice");
            put(table, cpu + ".system", PCT, Direction.LOWER_IS_BETTER, c, "system", "sys");
            put(table, cpu + ".iowait", PCT, Direction.LOWER_IS_BETTER, c, "iowait");
            put(table, cpu + ".steal", PCT, Direction.LOWER_IS_BETTER, c, "steal");
            put(table, cpu + ".irq", PCT, Direction.LOWER_IS_BETTER, c, "irq");
            put(table, cpu + ".soft", PCT, Direction.LOWER_IS_BETTER, c, "soft");
            put(table, cpu + ".idle", PCT, Direction.HIGHER_IS_BETTER, c, "idle");
        }
        JsonNode pcsw = s.path("process-and-context-switch");
        put(table, "processes_created", RATE, Direction.NEUTRAL, pcsw, "proc");
        put(table, "context_switches", RATE, Direction.LOWER_IS_BETTER, pcsw, "cswch");
        JsonNode paging = s.path("paging");
        put(table, "paging.faults", RATE, Direction.LOWER_IS_BETTER, paging, "fault");
        put(table, "paging.major_faults", RATE, Direction.LOWER_IS_BETTER, paging, "majflt");
        JsonNode io = s.path("io");
        put(table, "io.tps", RATE, Direction.NEUTRAL, io, "tps");
        put(table, "io.read_tps", RATE, Direction.NEUTRAL, io.path("io-reads"), "rtps");
        put(table, "io.write_tps", RATE, Direction.NEUTRAL, io.path("io-writes"), "wtps");
        JsonNode mem = s.path("memory");
        put(table, "mem.free", KB, Direction.HIGHER_IS_BETTER, mem, "memfree");
        put(table, "mem.avail", KB, Direction.HIGHER_IS_BETTER, mem, "avail");
        put(table, "mem.used", KB, Direction.LOWER_IS_BETTER, mem, "memused");
        put(table, "mem.used_pct", PCT, Direction.LOWER_IS_BETTER, mem, "memused-percent");
        put(table, "mem.buffers", KB, Direction.NEUTRAL, mem, "buffers");
        put(table, "mem.cached", KB, Direction.NEUTRAL, mem, "cached");
        put(table, "mem.commit_pct", PCT, Direction.LOWER_IS_BETTER, mem, "commit-percent");
        put(table, "mem.dirty", KB, Direction.NEUTRAL, mem, "dirty");
        put(table, "swap.used", KB, Direction.LOWER_IS_BETTER, mem, "swpused");
        put(table, "swap.used_pct", PCT, Direction.LOWER_IS_BETTER, mem, "swpused-percent");
        JsonNode q = s.path("queue");
        put(table, "load.runq", Unit.COUNT, Direction.LOWER_IS_BETTER, q, "runq-sz");
        put(table, "load.plist", Unit.COUNT, Direction.NEUTRAL, q, "plist-sz");
        put(table, "load.1", Unit.NONE, Direction.LOWER_IS_BETTER, q, "ldavg-1");
        put(table, "load.5", Unit.NONE, Direction.LOWER_IS_BETTER, q, "ldavg-5");
        put(table, "load.15", Unit.NONE, Direction.LOWER_IS_BETTER, q, "ldavg-15");
        put(table, "load.blocked", Unit.COUNT, Direction.LOWER_IS_BETTER, q, "blocked");
        for (JsonNode d : s.path("disk")) {
            String disk = "disk." + MetricKey.part(d.path("disk-device").asText("?").strip());
            put(table, disk + ".tps", RATE, Direction.NEUTRAL, d, "tps");
            if (d.has("rkB")) {
                put(table, disk + ".read_kBps", KBPS, Direction.NEUTRAL, d, "rkB");
                put(table, disk + ".write_kBps", KBPS, Direction.NEUTRAL, d, "wkB");
            } else {
                put(table, disk + ".read_kBps", KBPS, Direction.NEUTRAL, d.path("rd_sec").asDouble(Double.NaN) / 2);
                put(table, disk + ".write_kBps", KBPS, Direction.NEUTRAL, d.path("wr_sec").asDouble(Double.NaN) / 2);
            }
            put(table, disk + ".await", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, d, "await");
            put(table, disk + ".aqu_sz", Unit.NONE, Direction.LOWER_IS_BETTER, d, "aqu-sz", "avgqu-sz");
            put(table, disk + ".util", PCT, Direction.LOWER_IS_BETTER, d, "util-percent");
        }
        JsonNode net = s.path("network");
        for (JsonNode n : net.path("net-dev")) {
            String nic = "net." + MetricKey.part(n.path("iface").asText("?").strip());
            put(table, nic + ".rx_kBps", KBPS, Direction.NEUTRAL, n, "rxkB");
            put(table, nic + ".tx_kBps", KBPS, Direction.NEUTRAL, n, "txkB");
            put(table, nic + ".rx_pps", RATE, Direction.NEUTRAL, n, "rxpck");
            put(table, nic + ".tx_pps", RATE, Direction.NEUTRAL, n, "txpck");
            put(table, nic + ".util", PCT, Direction.LOWER_IS_BETTER, n, "ifutil-percent");
        }
        for (JsonNode n : net.path("net-edev")) {
            String nic = "net." + MetricKey.part(n.path("iface").asText("?").strip());
            put(table, nic + ".rx_errors", RATE, Direction.LOWER_IS_BETTER, n, "rxerr");
            put(table, nic + ".tx_errors", RATE, Direction.LOWER_IS_BETTER, n, "txerr");
            put(table, nic + ".rx_drops", RATE, Direction.LOWER_IS_BETTER, n, "rxdrop");
            put(table, nic + ".tx_drops", RATE, Direction.LOWER_IS_BETTER, n, "txdrop");
        }
    }

    /** The first of {@code fields} that {@code node} holds as a number. */
    private void put(SeriesTable table, String name, Unit unit, Direction direction, JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && v.isNumber()) {
                table.put(prefix + "." + name, unit, direction, v.asDouble());
                return;
            }
        }
    }

    private void put(SeriesTable table, String name, Unit unit, Direction direction, double value) {
        table.put(prefix + "." + name, unit, direction, value);
    }
}
