package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Direction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pure-Java sampler of {@code /proc}: CPU, memory, load, disks and network of the host (the
 * fallback where sysstat is absent, named like sar's metrics under {@code proc.}), and the CPU,
 * RSS and threads of the script's process tree ({@code proc.script.*}) and of the processes the
 * script names in {@code PERFTEST_PIDS_FILE} or the {@code pids} option ({@code proc.process.<command>.*}).
 *
 * <p>Design: the sampling loop runs in the engine's JVM and reads the host's {@code /proc} files
 * through {@link Host#readFile} at each interval. Nothing is installed or started on the host, so
 * it works unchanged on a local machine, an SSH host or a Jenkins agent, and can leave no process
 * behind; the price on a remote host is a round trip per file per interval, which is why the
 * default interval is one second. The samples are kept in memory (a few hundred numbers per
 * interval), written to {@code proc.csv} on the host when the collector stops, and fetched with
 * the other collectors' files.
 */
public final class ProcCollector implements Collector {

    public static final String TYPE = "proc";
    static final String FILE = "proc.csv";
    /** USER_HZ: the unit of the CPU times in /proc, 100 on every Linux architecture perftest runs on. */
    static final double TICKS_PER_SECOND = 100;

    private final Duration interval;
    private final List<Long> pids;

    private ProcCollector(Duration interval, List<Long> pids) {
        this.interval = interval;
        this.pids = List.copyOf(pids);
    }

    /** Registers {@code proc}: options {@code interval} (default 1s, at least 100ms) and {@code pids} (123;456). */
    public static final class Factory implements CollectorFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String description() {
            return "pure-Java /proc sampler: CPU, memory, load, disks, network, and the script's processes; options interval (default 1s), pids";
        }

        @Override
        public Collector create(CollectorSpec spec) {
            CollectorOptions o = CollectorOptions.of(spec, Set.of("interval", "pids"));
            return new ProcCollector(o.duration("interval", Duration.ofSeconds(1), Duration.ofMillis(100)), o.pids("pids"));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RunningCollector start(Host host, CollectorContext ctx) throws IOException {
        if (!host.exists("/proc/stat")) {
            throw new CollectorUnavailableException(host.name() + " has no /proc/stat (not Linux?): the proc collector needs it");
        }
        Running r = new Running(host, ctx, interval, pids);
        r.sampler.start();
        return r;
    }

    /** The direction of a {@code proc.*} key, for metrics read back from {@code proc.csv}. */
    static Direction direction(String key) {
        if (key.endsWith(".idle") || key.endsWith(".free") || key.endsWith(".avail")) {
            return Direction.HIGHER_IS_BETTER;
        }
        if (key.endsWith(".tps") || key.endsWith("_kBps") || key.endsWith("_pps") || key.endsWith(".threads")
                || key.endsWith(".processes") || key.endsWith("processes_created") || key.endsWith(".plist")
                || key.endsWith(".buffers") || key.endsWith(".cached") || key.endsWith(".dirty")) {
            return Direction.NEUTRAL;
        }
        return Direction.LOWER_IS_BETTER;
    }

    /** The sampling loop on one host. */
    private static final class Running implements RunningCollector {
        private final Host host;
        private final CollectorContext ctx;
        private final List<Long> optionPids;
        private final SeriesTable table = new SeriesTable();
        private final ProcSampler procSampler = new ProcSampler(TYPE, TICKS_PER_SECOND);
        private final PeriodicSampler sampler;
        private volatile Map<String, Double> latest = Map.of();
        private volatile boolean testStarted;

        Running(Host host, CollectorContext ctx, Duration interval, List<Long> optionPids) {
            this.host = host;
            this.ctx = ctx;
            this.optionPids = optionPids;
            this.sampler = new PeriodicSampler(TYPE + "-" + host.name(), interval, this::sample, ctx.log());
        }

        private void sample(long atMillis) throws IOException {
            ProcSampler.Snapshot s = snapshot(atMillis / 1000.0);
            synchronized (table) {
                latest = Map.copyOf(procSampler.sample(s, table));
            }
        }

        private ProcSampler.Snapshot snapshot(double time) throws IOException {
            String stat = read("/proc/stat");
            if (stat == null) {
                throw new IOException("cannot read /proc/stat on " + host.name());
            }
            String mem = read("/proc/meminfo");
            String load = read("/proc/loadavg");
            String disks = read("/proc/diskstats");
            String nics = read("/proc/net/dev");
            Map<Long, ProcFiles.Task> tree = new LinkedHashMap<>();
            Map<Long, Long> treeRss = new LinkedHashMap<>();
            if (ctx.executionHost() && testStarted) {
                for (long pid : host.processesWithEnvironment("PERFTEST_PIDS_FILE", ctx.pidsFile())) {
                    task(pid, tree, treeRss);
                }
            }
            Map<Long, ProcFiles.Task> named = new LinkedHashMap<>();
            Map<Long, Long> namedRss = new LinkedHashMap<>();
            for (long pid : namedPids()) {
                task(pid, named, namedRss);
            }
            return new ProcSampler.Snapshot(time, ProcFiles.stat(stat), mem == null ? null : ProcFiles.meminfo(mem),
                    load == null ? null : ProcFiles.loadavg(load), disks == null ? null : ProcFiles.diskstats(disks),
                    nics == null ? null : ProcFiles.netdev(nics), tree, treeRss, named, namedRss);
        }

        private Set<Long> namedPids() throws IOException {
            Set<Long> out = new LinkedHashSet<>(optionPids);
            if (ctx.executionHost()) {
                String listed = read(ctx.pidsFile());
                if (listed != null) {
                    for (String line : listed.split("\n")) {
                        try {
                            out.add(Long.parseLong(line.trim()));
                        } catch (NumberFormatException e) {
                            // not a pid: the script is still writing the line, or wrote something else
                        }
                    }
                }
            }
            return out;
        }

        private void task(long pid, Map<Long, ProcFiles.Task> tasks, Map<Long, Long> rss) throws IOException {
            String stat = read("/proc/" + pid + "/stat");
            String status = read("/proc/" + pid + "/status");
            ProcFiles.Task t = stat == null ? null : ProcFiles.task(stat);
            if (t != null) {
                tasks.put(pid, t);
                rss.put(pid, status == null ? -1 : ProcFiles.rssKb(status));
            }
        }

        /** A file's text, or null when it does not exist (a process that exited). */
        private String read(String path) throws IOException {
            try {
                return new String(host.readFile(path), StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
                return null;
            } catch (IOException e) {
                if (path.startsWith("/proc/") && Character.isDigit(path.charAt(6))) {
                    return null; // a process that went away between listing and reading (ESRCH)
                }
                throw e;
            }
        }

        @Override
        public void testStarted(long scriptPid) {
            testStarted = true;
        }

        @Override
        public Map<String, Double> latest() {
            return latest;
        }

        @Override
        public void stop() throws IOException, InterruptedException {
            sampler.stop(Duration.ofSeconds(5));
            byte[] csv;
            synchronized (table) {
                csv = table.toCsv();
            }
            host.writeFile(host.resolve(ctx.workDirectory(), FILE), csv);
        }

        @Override
        public void fetch(Path localDirectory) throws IOException {
            host.fetch(ctx.workDirectory(), localDirectory);
        }

        @Override
        public ParseResult results(Path localDirectory) throws IOException {
            ParseResult r = SeriesTable.readCsv(localDirectory.resolve(FILE), TYPE + "/" + FILE, ProcCollector::direction);
            if (sampler.failures() > 0) {
                Problems p = new Problems(TYPE + "/" + FILE);
                p.addFileProblem(sampler.failures() + " of " + (sampler.failures() + sampler.samples())
                        + " samples of " + host.name() + " failed (first: " + sampler.firstFailure() + "); the others are kept");
                r = r.plus(SeriesTable.withProblems(ParseResult.empty(), p));
            }
            return r;
        }
    }
}
