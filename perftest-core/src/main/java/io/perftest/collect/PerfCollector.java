package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.CollectorSpec;
import one.convert.Arguments;
import one.convert.FlameGraph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Linux {@code perf} on the script's processes (and the {@code pids} of the option), attached
 * when the script starts and following its children. {@code mode=stat} (default): {@code perf
 * stat -x,} counters as {@code perf.*} metrics; counters the hardware does not expose (virtual
 * machines) are said to be not available on this host. {@code mode=record}: {@code perf record
 * -g} at {@code frequency} Hz, {@code perf script} folded into {@code perf.folded} (kept, so two
 * runs can be diffed) and rendered as {@code perf-flamegraph.html} by async-profiler's converter.
 * {@code mode=both} does both. Where perf is missing or the kernel forbids it, the run goes on.
 */
public final class PerfCollector implements Collector {

    public static final String TYPE = "perf";
    static final String STAT_FILE = "perf-stat.csv";
    static final String DATA_FILE = "perf.data";
    static final String FOLDED_FILE = "perf.folded";
    static final String FLAME_GRAPH = "perf-flamegraph.html";
    static final String EVENTS = "task-clock,context-switches,cpu-migrations,page-faults,cycles,instructions,"
            + "cache-references,cache-misses,branches,branch-misses";

    private final boolean stat;
    private final boolean record;
    private final int frequency;
    private final List<Long> pids;

    private PerfCollector(boolean stat, boolean record, int frequency, List<Long> pids) {
        this.stat = stat;
        this.record = record;
        this.frequency = frequency;
        this.pids = List.copyOf(pids);
    }

    /** Registers {@code perf}: options {@code mode} (stat, record, both), {@code frequency} (Hz, default 99), {@code pids}. */
    public static final class Factory implements CollectorFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String description() {
            return "perf stat counters and/or perf record flame graph of the script's processes; options mode (stat, record, both), frequency, pids";
        }

        @Override
        public Collector create(CollectorSpec spec) {
            CollectorOptions o = CollectorOptions.of(spec, Set.of("mode", "frequency", "pids"));
            String mode = o.choice("mode", "stat", "stat", "record", "both");
            int hz;
            try {
                hz = Integer.parseInt(o.text("frequency", "99"));
            } catch (NumberFormatException e) {
                hz = -1;
            }
            if (hz < 1 || hz > 10_000) {
                throw new IllegalArgumentException("collector perf option frequency=" + o.text("frequency", "")
                        + " is not a sampling rate between 1 and 10000 Hz");
            }
            return new PerfCollector(!mode.equals("record"), !mode.equals("stat"), hz, o.pids("pids"));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RunningCollector start(Host host, CollectorContext ctx) throws IOException, InterruptedException {
        if (!host.hasCommand("perf")) {
            throw new CollectorUnavailableException("perf is not installed on " + host.name()
                    + "; install it (apt-get install linux-perf, or linux-tools-$(uname -r))");
        }
        ToolProcess.Finished probe = ToolProcess.run(host, ctx, List.of("perf", "stat", "-x,", "-e", "task-clock", "--", "true"),
                ctx.workDirectory(), null, Duration.ofSeconds(20));
        if (!probe.ok()) {
            String why = String.join(" ", probe.stderr());
            String paranoid = "";
            try {
                paranoid = " (kernel.perf_event_paranoid=" + new String(host.readFile("/proc/sys/kernel/perf_event_paranoid"),
                        StandardCharsets.UTF_8).trim() + "; run as root or lower it with sysctl)";
            } catch (IOException e) {
                // not readable: say what perf said
            }
            throw new CollectorUnavailableException("perf cannot count on " + host.name() + ": "
                    + (why.length() > 300 ? why.substring(0, 300) + "..." : why) + (why.contains("paranoid") || why.contains("ermission") ? paranoid : ""));
        }
        return new Running(host, ctx);
    }

    /** perf on one host. */
    private final class Running implements RunningCollector {
        private final Host host;
        private final CollectorContext ctx;
        private final List<String> notes = new ArrayList<>();
        private final List<ToolProcess> tools = new ArrayList<>();
        private volatile boolean attached;
        private volatile boolean reported;

        Running(Host host, CollectorContext ctx) throws IOException {
            this.host = host;
            this.ctx = ctx;
            if (!ctx.executionHost() && !pids.isEmpty()) {
                attach(pids);
            }
        }

        @Override
        public void testStarted(long scriptPid) throws IOException {
            if (ctx.executionHost()) {
                Set<Long> targets = new LinkedHashSet<>();
                targets.add(scriptPid);
                targets.addAll(pids);
                attach(new ArrayList<>(targets));
            }
        }

        private void attach(List<Long> targets) throws IOException {
            String list = String.join(",", targets.stream().map(String::valueOf).toList());
            if (stat) {
                tools.add(ToolProcess.start(host, ctx, List.of("perf", "stat", "-x,", "-o",
                        host.resolve(ctx.workDirectory(), STAT_FILE), "-e", EVENTS, "-p", list), ctx.workDirectory(), null));
            }
            if (record) {
                tools.add(ToolProcess.start(host, ctx, List.of("perf", "record", "-q", "-g", "-F", Integer.toString(frequency),
                        "-o", host.resolve(ctx.workDirectory(), DATA_FILE), "-p", list), ctx.workDirectory(), null));
            }
            attached = true;
        }

        @Override
        public void stop() throws IOException, InterruptedException {
            for (ToolProcess p : tools) {
                if (!p.isAlive() && p.waitFor(Duration.ZERO).orElse(0) != 0) {
                    notes.add(p.display().split(" ")[1] + " ended early: " + p.lastErrors());
                }
                p.stop(Duration.ofSeconds(10)); // SIGINT: perf writes its report, then exits
            }
            String data = host.resolve(ctx.workDirectory(), DATA_FILE);
            if (record && attached && host.exists(data)) {
                PerfScriptFolder folder = new PerfScriptFolder();
                ToolProcess.Finished f = ToolProcess.run(host, ctx, List.of("perf", "script", "-i", data), ctx.workDirectory(),
                        folder::accept, Duration.ofMinutes(5));
                folder.flush();
                if (!f.ok()) {
                    notes.add("perf script could not read all of " + DATA_FILE + " (" + f.why() + "); the stacks read are kept");
                }
                host.writeFile(host.resolve(ctx.workDirectory(), FOLDED_FILE), folder.folded().getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void fetch(Path localDirectory) throws IOException {
            if (!attached) {
                return;
            }
            host.fetch(ctx.workDirectory(), localDirectory);
            Path folded = localDirectory.resolve(FOLDED_FILE);
            if (Files.exists(folded) && Files.size(folded) > 0) {
                renderFlameGraph(folded, localDirectory.resolve(FLAME_GRAPH), "perf " + host.name());
            }
        }

        @Override
        public ParseResult results(Path localDirectory) throws IOException {
            Problems problems = new Problems(TYPE);
            notes.forEach(problems::addFileProblem);
            ParseResult r = ParseResult.empty();
            if (attached && stat) {
                Path file = localDirectory.resolve(STAT_FILE);
                if (Files.exists(file)) {
                    PerfStatParser.Result s = new PerfStatParser(TYPE).parse(file, TYPE + "/" + STAT_FILE);
                    r = s.parsed();
                    if (!s.unavailable().isEmpty() && !reported) {
                        reported = true;
                        ctx.log().accept(String.join(", ", s.unavailable()) + ": not available on this host"
                                + " (no hardware counters, as on most virtual machines)");
                    }
                } else {
                    problems.addFileProblem(STAT_FILE + " missing: perf stat wrote no report");
                }
            }
            if (attached && record && !Files.exists(localDirectory.resolve(FOLDED_FILE))) {
                problems.addFileProblem(FOLDED_FILE + " missing: perf record wrote no samples");
            }
            return r.plus(SeriesTable.withProblems(ParseResult.empty(), problems));
        }
    }

    /** Renders folded stacks as a self-contained interactive HTML flame graph (async-profiler's converter). */
    static void renderFlameGraph(Path folded, Path html, String title) throws IOException {
        Arguments args = new Arguments();
        args.title = title;
        FlameGraph fg = new FlameGraph(args);
        try (Reader in = Files.newBufferedReader(folded, StandardCharsets.UTF_8)) {
            fg.parseCollapsed(in);
        }
        try (OutputStream out = Files.newOutputStream(html)) {
            fg.dump(out);
        }
    }
}
