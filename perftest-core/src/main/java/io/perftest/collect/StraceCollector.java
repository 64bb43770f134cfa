package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Durations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Syscalls of the script's processes with {@code strace -f}: attached when the script starts
 * (and to the {@code pids} of the option), following every child it forks; the {@code -c}
 * summary becomes {@code strace.<syscall>.calls|errors|seconds}. With {@code trace=true} the full
 * trace ({@code -tt -T}, with the summary appended, {@code -C}) is kept as well. strace slows the
 * traced processes considerably: use it to understand, not to measure throughput.
 */
public final class StraceCollector implements Collector {

    public static final String TYPE = "strace";
    static final String FILE = "strace.txt";

    private final boolean fullTrace;
    private final List<Long> pids;

    private StraceCollector(boolean fullTrace, List<Long> pids) {
        this.fullTrace = fullTrace;
        this.pids = List.copyOf(pids);
    }

    /** Registers {@code strace}: options {@code trace} (keep the full -tt -T trace, default false) and {@code pids}. */
    public static final class Factory implements CollectorFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String description() {
            return "syscall summary (strace -c -f) of the script's processes; options trace (keep -tt -T trace), pids; slows the traced processes";
        }

        @Override
        public Collector create(CollectorSpec spec) {
            CollectorOptions o = CollectorOptions.of(spec, Set.of("trace", "pids"));
            return new StraceCollector(o.flag("trace", false), o.pids("pids"));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RunningCollector start(Host host, CollectorContext ctx) throws IOException, InterruptedException {
        if (!host.hasCommand("strace")) {
            throw new CollectorUnavailableException("strace is not installed on " + host.name() + "; install the strace package (apt-get install strace)");
        }
        Running r = new Running(host, ctx);
        if (!ctx.executionHost() && !pids.isEmpty()) {
            r.attach(pids);
        }
        return r;
    }

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** strace on one host: attached when the script starts. */
    private final class Running implements RunningCollector {
        private final Host host;
        private final CollectorContext ctx;
        private final List<String> notes = new ArrayList<>();
        private volatile ToolProcess strace;

        Running(Host host, CollectorContext ctx) {
            this.host = host;
            this.ctx = ctx;
        }

        @Override
        public void testStarted(long scriptPid) throws IOException, InterruptedException {
            if (!ctx.executionHost()) {
                return;
            }
            Set<Long> targets = new LinkedHashSet<>();
            targets.add(scriptPid);
            targets.addAll(pids);
            attach(new ArrayList<>(targets));
        }

        void attach(List<Long> targets) throws IOException, InterruptedException {
            List<String> argv = new ArrayList<>(List.of("strace", "-q", "-f"));
            if (fullTrace) {
                argv.addAll(List.of("-C", "-tt", "-T"));
            } else {
                argv.add("-c");
            }
            argv.addAll(List.of("-o", host.resolve(ctx.workDirectory(), FILE)));
            for (long pid : targets) {
                argv.add("-p");
                argv.add(Long.toString(pid));
            }
            strace = ToolProcess.start(host, ctx, argv, ctx.workDirectory(), null);
            if (strace.waitFor(Duration.ofMillis(300)).isPresent() && !strace.lastErrors().isEmpty()
                    && strace.lastErrors().contains("ptrace")) {
                String why = "strace cannot attach on " + host.name() + " (" + strace.lastErrors()
                        + "); run as root or set sysctl kernel.yama.ptrace_scope=0";
                ctx.log().accept(why);
                notes.add(why);
            }
        }

        @Override
        public void stop() throws InterruptedException {
            ToolProcess p = strace;
            if (p == null) {
                if (ctx.executionHost()) {
                    notes.add("strace never attached: the script did not start");
                }
                return;
            }
            // strace ends by itself when every traced process has exited; SIGINT makes it detach and report
            if (p.stop(STOP_WAIT).isEmpty()) {
                notes.add("strace did not finish within " + Durations.format(STOP_WAIT) + " of SIGINT and was killed, "
                        + "so its report is lost; strace before 6.7 can hang detaching from a process that is forking "
                        + "(strace/strace#277): stop the traced processes first, or use a newer strace");
            }
        }

        @Override
        public void fetch(Path localDirectory) throws IOException {
            if (strace != null) {
                host.fetch(ctx.workDirectory(), localDirectory);
            }
        }

        @Override
        public ParseResult results(Path localDirectory) throws IOException {
            Problems problems = new Problems(TYPE + "/" + FILE);
            notes.forEach(problems::addFileProblem);
            ParseResult r = ParseResult.empty();
            Path file = localDirectory.resolve(FILE);
            if (strace == null) {
                // nothing was traced here (a statistics host without pids)
            } else if (Files.exists(file)) {
                r = new StraceSummaryParser(TYPE).parse(file, TYPE + "/" + FILE);
            } else {
                problems.addFileProblem("missing: strace wrote no output (" + strace.lastErrors() + ")");
            }
            return r.plus(SeriesTable.withProblems(ParseResult.empty(), problems));
        }
    }
}
