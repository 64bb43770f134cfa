package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Durations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * System activity with sysstat, the real one: {@code sadc} writes a binary data file on the host
 * at the interval (whole seconds, default 1 s) while the test runs; at the end {@code sadf -j}
 * turns it into JSON on the host, and both files are kept ({@code sa.bin} replays with
 * {@code sar -f}). {@link SadfJsonParser} makes the {@code sar.*} series and metrics.
 */
public final class SarCollector implements Collector {

    public static final String TYPE = "sar";
    static final String DATA_FILE = "sa.bin";
    static final String JSON_FILE = "sadf.json";
    /** Where distributions put sadc: it is not on the PATH. */
    static final List<String> SADC_PLACES = List.of("/usr/lib/sysstat/sadc", "/usr/lib64/sa/sadc",
            "/usr/libexec/sysstat/sadc", "/usr/lib/sa/sadc", "/usr/local/lib/sa/sadc");
    /** What sadf prints: CPU (all fields, each CPU), memory, swap, queue, switches, paging, I/O, disks, network. */
    static final List<String> SAR_ACTIVITIES = List.of("-u", "ALL", "-P", "ALL", "-r", "-S", "-q", "-w", "-B", "-b",
            "-d", "-p", "-n", "DEV,EDEV");

    private final Duration interval;

    private SarCollector(Duration interval) {
        this.interval = interval;
    }

    /** Registers {@code sar}: option {@code interval} (whole seconds, default 1s). */
    public static final class Factory implements CollectorFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String description() {
            return "system activity with sysstat (sadc at the interval, sadf -j): CPU, memory, load, disks, network; option interval (default 1s)";
        }

        @Override
        public Collector create(CollectorSpec spec) {
            CollectorOptions o = CollectorOptions.of(spec, Set.of("interval"));
            Duration d = o.duration("interval", Duration.ofSeconds(1), Duration.ofMillis(1));
            if (d.toMillis() % 1000 != 0 || d.toMillis() < 1000) {
                throw new IllegalArgumentException("collector sar option interval=" + Durations.format(d)
                        + ": sadc samples in whole seconds (1s at the finest); use proc:interval=" + Durations.format(d)
                        + " for finer sampling");
            }
            return new SarCollector(d);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    Duration interval() {
        return interval;
    }

    @Override
    public RunningCollector start(Host host, CollectorContext ctx) throws IOException, InterruptedException {
        String sadc = findSadc(host);
        if (sadc == null || !host.hasCommand("sadf")) {
            throw new CollectorUnavailableException("sysstat is not installed on " + host.name()
                    + " (" + (sadc == null ? "no sadc in " + String.join(", ", SADC_PLACES) : "no sadf on the PATH")
                    + "); install the sysstat package (apt-get install sysstat)");
        }
        String data = host.resolve(ctx.workDirectory(), DATA_FILE);
        List<String> argv = List.of(sadc, "-S", "DISK", Long.toString(interval.toSeconds()), data);
        ToolProcess p = ToolProcess.start(host, ctx, argv, ctx.workDirectory(), null);
        // sadc exits at once on a bad option or an unwritable file: say so now, not at the end
        if (p.waitFor(Duration.ofMillis(200)).isPresent()) {
            throw new CollectorUnavailableException("sadc exited at once on " + host.name() + ": " + p.lastErrors());
        }
        return new Running(host, ctx, p);
    }

    private static String findSadc(Host host) throws IOException {
        for (String place : SADC_PLACES) {
            if (host.exists(place)) {
                return place;
            }
        }
        return host.hasCommand("sadc") ? "sadc" : null;
    }

    /** sadc running on one host. */
    private static final class Running implements RunningCollector {
        private final Host host;
        private final CollectorContext ctx;
        private final ToolProcess sadc;
        private final List<String> notes = new ArrayList<>();

        Running(Host host, CollectorContext ctx, ToolProcess sadc) {
            this.host = host;
            this.ctx = ctx;
            this.sadc = sadc;
        }

        @Override
        public void stop() throws IOException, InterruptedException {
            if (!sadc.isAlive()) {
                notes.add("sadc was no longer running when the test ended (killed or crashed"
                        + (sadc.lastErrors().isEmpty() ? "" : ": " + sadc.lastErrors()) + "); its data file holds the samples until then");
            }
            sadc.stop(Duration.ofSeconds(2));
            String data = host.resolve(ctx.workDirectory(), DATA_FILE);
            if (!host.exists(data)) {
                notes.add("sadc wrote no data file " + DATA_FILE);
                return;
            }
            List<String> argv = new ArrayList<>(List.of("sadf", "-j", data, "--"));
            argv.addAll(SAR_ACTIVITIES);
            StringBuilder json = new StringBuilder();
            ToolProcess.Finished f = ToolProcess.run(host, ctx, argv, ctx.workDirectory(),
                    line -> json.append(line).append('\n'), Duration.ofSeconds(60));
            host.writeFile(host.resolve(ctx.workDirectory(), JSON_FILE), json.toString().getBytes(StandardCharsets.UTF_8));
            if (!f.ok()) {
                notes.add("sadf could not read all of " + DATA_FILE + " (" + f.why() + "); what it printed is kept");
            }
        }

        @Override
        public void fetch(Path localDirectory) throws IOException {
            host.fetch(ctx.workDirectory(), localDirectory);
        }

        @Override
        public ParseResult results(Path localDirectory) throws IOException {
            Path json = localDirectory.resolve(JSON_FILE);
            Problems problems = new Problems(TYPE + "/" + JSON_FILE);
            notes.forEach(problems::addFileProblem);
            ParseResult r = ParseResult.empty();
            if (Files.exists(json)) {
                r = new SadfJsonParser(TYPE).parse(json, TYPE + "/" + JSON_FILE);
            } else if (Files.exists(localDirectory.resolve(DATA_FILE))) {
                problems.addFileProblem("missing; " + DATA_FILE + " is kept (read it with sar -f " + DATA_FILE + ")");
            } else {
                problems.addFileProblem("missing, and no " + DATA_FILE + ": sar collected nothing on this host");
            }
            return r.plus(SeriesTable.withProblems(ParseResult.empty(), problems));
        }
    }
}
