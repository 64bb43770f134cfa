package io.perftest.run;

import io.perftest.analysis.Judgement;
import io.perftest.collect.Collector;
import io.perftest.collect.CollectorContext;
import io.perftest.collect.RunningCollector;
import io.perftest.collect.TriggerActions;
import io.perftest.host.Host;
import io.perftest.host.HostProcess;
import io.perftest.host.ProcessSpec;
import io.perftest.ingest.ParseProblem;
import io.perftest.ingest.ParseResult;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Durations;
import io.perftest.model.Metric;
import io.perftest.model.MetricKey;
import io.perftest.model.RunSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.RunSummary;
import io.perftest.model.Series;
import io.perftest.model.SourcedText;
import io.perftest.model.Verdict;
import io.perftest.store.RunArchive;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunOwnership;
import io.perftest.store.RunRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One run of a {@link RunEngine}: the mutable state of the lifecycle, used by one thread. */
final class Execution {

    private static final String VERSION = Optional.ofNullable(Execution.class.getPackage().getImplementationVersion()).orElse("dev");
    private static final Duration POLL = Duration.ofMillis(100);
    /**
     * Marks the processes of one iteration of the script (their results dir), so that what the
     * script left running is stopped after it without stopping the collectors, which carry only
     * the run's cookie and are stopped in their own stage.
     */
    private static final String RESULTS_DIR_VARIABLE = "PERFTEST_RESULTS_DIR";

    private final RunEngine engine;
    private final RunSpec spec;
    private final RunDirectory dir;
    private final String runId;
    private final RunRecord.Builder record;
    private final Map<Host, String> workDirs = new LinkedHashMap<>();
    private final List<Host> liveHosts = new ArrayList<>();
    private final List<Started> started = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private ConsoleLog console;
    private RunStatus failure;
    private String failureReason;
    private RunSummary summary = RunSummary.empty();
    private Judgement judgement;

    /** A collector running on a host. */
    private record Started(Host host, String type, RunningCollector collector) {
    }

    Execution(RunEngine engine, RunDirectory dir, String runId) {
        this.engine = engine;
        this.spec = engine.spec();
        this.dir = dir;
        this.runId = runId;
        this.record = RunRecord.builder();
    }

    RunOutcome execute() throws IOException, InterruptedException {
        Instant start = Instant.now();
        record.id(runId).framework(spec.framework().name()).test(spec.test().name()).number(dir.number())
                .status(RunStatus.RUNNING).spec(specRecord()).owner(RunOwnership.current(engine.localHostName()))
                .startedAt(start);
        dir.writeRecord(record.build());
        try (ConsoleLog log = new ConsoleLog(dir.consoleLog(), engine.console())) {
            console = log;
            console.info("run " + dir.number() + " of " + spec.framework().name() + "/" + spec.test().name()
                    + " in " + dir.path());
            lifecycle();
            console.info(summaryLine());
        } finally {
            RunStatus status = failure != null ? failure : RunStatus.COMPLETED;
            record.status(status).reason(failureReason).owner(null).endedAt(Instant.now());
            problems.forEach(record::problem);
            record.verdict(status == RunStatus.COMPLETED && judgement != null ? verdict() : null);
            dir.writeRecord(record.build());
        }
        return new RunOutcome(dir, dir.readRecord(), summary, Optional.ofNullable(judgement));
    }

    private String summaryLine() {
        RunStatus status = failure != null ? failure : RunStatus.COMPLETED;
        return "run " + dir.number() + " " + status.name().toLowerCase() + (failureReason != null ? ": " + failureReason : "")
                + (judgement != null && status == RunStatus.COMPLETED ? " (verdict " + verdict().name().toLowerCase() + ")" : "");
    }

    private Verdict verdict() {
        Verdict v = judgement.verdict();
        if (engine.control().unstableReason().isPresent()) {
            v = v.worst(Verdict.UNSTABLE);
        }
        return v;
    }

    private void lifecycle() throws InterruptedException {
        boolean ready = stage(Stage.SETUP, this::setup);
        if (ready && !cancelled()) {
            stage(Stage.START_MONITORS, this::startMonitors);
            stage(Stage.RUN_TEST, this::runTest);
        } else if (ready) {
            fail(RunStatus.ABORTED, engine.control().cancelReason().orElse("cancelled"));
        }
        stage(Stage.STOP_MONITORS, this::stopMonitors);
        stage(Stage.COLLECT, this::collect);
        record.status(RunStatus.COLLATING);
        save();
        stage(Stage.COLLATE, this::collate);
        stage(Stage.CLEANUP, this::cleanup);
        if (engine.archive()) {
            try {
                RunArchive.create(dir.hostsDirectory(), dir.path().resolve(RunDirectory.ARCHIVE));
                console.info("archived hosts/ into " + RunDirectory.ARCHIVE);
            } catch (IOException e) {
                problem("cannot write " + RunDirectory.ARCHIVE + ": " + e.getMessage());
            }
        }
    }

    private boolean cancelled() {
        return engine.control().isCancelled();
    }

    /** A stage's body; failures are recorded against the stage. */
    @FunctionalInterface
    private interface StageBody {
        void run() throws IOException, InterruptedException;
    }

    private boolean stage(Stage stage, StageBody body) throws InterruptedException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        String error = null;
        try {
            body.run();
        } catch (IOException | RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof RuntimeException) {
                error = e.toString(); // our own bug: say what it was
            }
            console.warn(stage.label() + " failed: " + error);
            if (failure == null) {
                fail(RunStatus.FAILED, stage.label() + " failed: " + error);
            }
        } catch (InterruptedException e) {
            // the engine's thread was interrupted: treat as a cancel, but finish the lifecycle
            engine.control().cancel("interrupted");
            Thread.interrupted();
            error = "interrupted";
            if (failure == null) {
                fail(RunStatus.ABORTED, "interrupted");
            }
        }
        record.stage(new RunRecord.StageTiming(stage.label(), start, (System.nanoTime() - t0) / 1_000_000, error));
        save();
        return error == null;
    }

    private void fail(RunStatus status, String reason) {
        if (failure == null) {
            failure = status;
            failureReason = reason;
        }
    }

    private void problem(String message) {
        problems.add(message);
        console.warn(message);
    }

    private void save() {
        try {
            dir.writeRecord(record.build());
        } catch (IOException e) {
            console.warn("cannot write run.json: " + e.getMessage());
        }
    }

    // ---- 1. setup ---------------------------------------------------------------------------

    private void setup() throws IOException, InterruptedException {
        List<Host> hosts = new ArrayList<>();
        hosts.add(engine.executionHost());
        hosts.addAll(engine.statsHosts());
        Map<Host, Object> results = parallel(hosts, host -> {
            host.checkReachable();
            String work = host.createTempDirectory("perftest-");
            host.createDirectories(host.resolve(work, "results"));
            return work;
        });
        Map<String, Map<String, String>> described = new LinkedHashMap<>();
        for (Host host : hosts) {
            Object r = results.get(host);
            if (r instanceof String work) {
                workDirs.put(host, work);
                liveHosts.add(host);
                try {
                    described.put(host.name(), host.describe());
                } catch (IOException e) {
                    described.put(host.name(), Map.of("error", String.valueOf(e.getMessage())));
                }
            } else if (host == engine.executionHost()) {
                throw new IOException("execution host " + host.name() + " is not usable: " + message(r));
            } else {
                String why = "statistics host " + host.name() + " left out of this run: " + message(r);
                problem(why);
                engine.control().markUnstable(why); // the run goes on, but its system picture is incomplete
            }
        }
        record.provenance(new RunRecord.Provenance(scriptChecksum(), VERSION, System.getProperty("java.version"),
                System.getProperty("user.name"), described, Map.of()));
    }

    private String scriptChecksum() {
        try {
            byte[] script = engine.executionHost().readFile(spec.framework().script().toString());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script));
        } catch (IOException | NoSuchAlgorithmException e) {
            problem("cannot checksum the script: " + e.getMessage());
            return null;
        }
    }

    // ---- 2. start monitors ------------------------------------------------------------------

    private void startMonitors() throws InterruptedException {
        List<Collector> configured = new ArrayList<>();
        Set<String> identities = new HashSet<>();
        for (CollectorSpec cs : spec.collectors()) {
            if (!identities.add(cs.identity())) {
                problem("collector " + cs + " left out: collector " + cs.identity() + " is already configured for this run");
                continue;
            }
            try {
                configured.add(engine.collectors().create(cs));
            } catch (IllegalArgumentException e) {
                problem("collector " + cs + " left out: " + e.getMessage());
            }
        }
        if (configured.isEmpty()) {
            return;
        }
        for (Collector c : configured) {
            Map<Host, Object> results = parallel(liveHosts, host -> {
                String work = host.resolve(workDirs.get(host), c.type());
                host.createDirectories(work);
                CollectorContext ctx = new CollectorContext(runId, work, pidsFile(), host == engine.executionHost(),
                        line -> console.info(c.type() + "@" + host.name() + ": " + line));
                return c.start(host, ctx);
            });
            for (Host host : liveHosts) {
                Object r = results.get(host);
                if (r instanceof RunningCollector rc) {
                    started.add(new Started(host, c.type(), rc));
                } else {
                    problem("collector " + c.type() + " not running on " + host.name() + ": " + message(r));
                }
            }
        }
        console.info("monitors started: " + String.join(", ", started.stream().map(s -> s.type() + "@" + s.host().name()).toList()));
    }

    private String pidsFile() {
        return engine.executionHost().resolve(workDirs.get(engine.executionHost()), "pids");
    }

    // ---- 3 + 4. run the test ----------------------------------------------------------------

    private void runTest() throws IOException, InterruptedException {
        Host host = engine.executionHost();
        String work = workDirs.get(host);
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        List<String> argv = new ArrayList<>();
        argv.add(spec.framework().script().toString());
        argv.addAll(spec.arguments());
        for (int i = 1; i <= spec.repeat(); i++) {
            if (cancelled()) {
                fail(RunStatus.ABORTED, engine.control().cancelReason().orElse("cancelled"));
                return;
            }
            String results = host.resolve(host.resolve(work, "results"), Integer.toString(i));
            host.createDirectories(results);
            ProcessSpec ps = new ProcessSpec(argv, environment(i, results, work), work,
                    line -> console.output(host.name(), line, false), line -> console.output(host.name(), line, true));
            long t0 = System.nanoTime();
            HostProcess process = host.start(ps);
            console.info("iteration " + i + "/" + spec.repeat() + " started: " + ps.display() + " (pid " + process.pid() + ")");
            if (i == 1) {
                notifyTestStarted(process.pid());
            }
            String abort = watch(process, deadline);
            if (abort != null) {
                console.warn("stopping the script: " + abort);
                process.terminate(engine.grace());
                // the iteration's processes only (its results dir marks them): collectors stop in stage 5
                host.killProcessesWithEnvironment(RESULTS_DIR_VARIABLE, results, engine.grace());
                process.awaitOutput(Duration.ofSeconds(2));
                record.iteration(new RunRecord.Iteration(i, null, millisSince(t0), "stopped: " + abort));
                fail(RunStatus.ABORTED, abort);
                return;
            }
            int code = process.waitFor(Duration.ZERO).orElse(-1);
            process.awaitOutput(Duration.ofMillis(500));
            int left = host.killProcessesWithEnvironment(RESULTS_DIR_VARIABLE, results, engine.grace());
            if (left > 0) {
                console.warn("the script left " + left + " process(es) running; they were stopped");
            }
            process.awaitOutput(Duration.ofSeconds(2));
            long ms = millisSince(t0);
            record.iteration(new RunRecord.Iteration(i, code, ms, code == 0 ? "ok" : "failed"));
            save();
            console.info("iteration " + i + "/" + spec.repeat() + " exited with code " + code + " after "
                    + Durations.format(Duration.ofMillis(ms)));
            if (code != 0) {
                fail(RunStatus.FAILED, "the script exited with code " + code + " in iteration " + i);
                return;
            }
        }
    }

    /** Waits for the script; returns why it must be stopped (timeout, cancel, trigger), or null when it exited. */
    private String watch(HostProcess process, long deadline) throws InterruptedException {
        long nextSample = System.nanoTime() + 1_000_000_000L;
        long begin = System.nanoTime();
        long lastProgress = begin;
        TriggerActions actions = triggerActions();
        while (true) {
            long left = deadline - System.nanoTime();
            OptionalInt code = process.waitFor(Duration.ofNanos(Math.max(1, Math.min(left, POLL.toNanos()))));
            if (code.isPresent()) {
                return null;
            }
            if (System.nanoTime() >= deadline) {
                return "timeout of " + Durations.format(spec.timeout()) + " expired";
            }
            if (cancelled()) {
                return engine.control().cancelReason().orElse("cancelled");
            }
            long now = System.nanoTime();
            if (now - Math.max(lastProgress, console.lastOutput()) >= engine.quietProgress().toNanos()) {
                // a quiet script still shows that the run is alive, and how far it is from its timeout
                lastProgress = now;
                console.info("still running: " + Durations.format(Duration.ofSeconds((now - begin) / 1_000_000_000L))
                        + " so far, timeout in " + Durations.format(Duration.ofSeconds(Math.max(0, (deadline - now) / 1_000_000_000L))));
            }
            if (System.nanoTime() >= nextSample && !started.isEmpty()) {
                nextSample = System.nanoTime() + 1_000_000_000L;
                engine.counterListener().sample(System.currentTimeMillis(), latestCounters(), actions);
            }
        }
    }

    private Map<String, Double> latestCounters() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Started s : started) {
            try {
                s.collector().latest().forEach((k, v) -> values.put(hostKey(k, s.host()), v));
            } catch (RuntimeException e) {
                // a collector that cannot tell its latest values simply has none this second
            }
        }
        return values;
    }

    private TriggerActions triggerActions() {
        return new TriggerActions() {
            @Override
            public void abort(String reason) {
                engine.control().cancel(reason);
            }

            @Override
            public void markUnstable(String reason) {
                engine.control().markUnstable(reason);
            }

            @Override
            public void log(String message) {
                console.warn(message);
            }

            @Override
            public void runCommand(List<String> argv) {
                Host host = engine.executionHost();
                try {
                    HostProcess p = host.start(new ProcessSpec(argv, Map.of(RunEngine.RUN_ID_VARIABLE, runId),
                            workDirs.get(host), line -> console.output(host.name(), line, false),
                            line -> console.output(host.name(), line, true)));
                    if (p.waitFor(Duration.ofSeconds(30)).isEmpty()) {
                        p.terminate(engine.grace());
                        console.warn("trigger command " + String.join(" ", argv) + " took longer than 30s; stopped");
                    }
                } catch (IOException e) {
                    console.warn("trigger command " + String.join(" ", argv) + " failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private void notifyTestStarted(long pid) {
        for (Started s : started) {
            try {
                s.collector().testStarted(pid);
            } catch (IOException | RuntimeException e) {
                problem("collector " + s.type() + " on " + s.host().name() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<String, String> environment(int iteration, String results, String work) {
        Map<String, String> env = new LinkedHashMap<>(spec.framework().environment());
        env.putAll(spec.parameterEnvironment());
        env.put(RESULTS_DIR_VARIABLE, results);
        env.put(RunEngine.RUN_ID_VARIABLE, runId);
        env.put("PERFTEST_FRAMEWORK", spec.framework().name());
        env.put("PERFTEST_TEST", spec.test().name());
        env.put("PERFTEST_ITERATION", Integer.toString(iteration));
        env.put("PERFTEST_HOSTS", String.join(",", liveHosts.stream().map(Host::name).toList()));
        env.put("PERFTEST_PIDS_FILE", pidsFile());
        env.put("PERFTEST_WORK_DIR", work);
        return env;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    // ---- 5. stop monitors -------------------------------------------------------------------

    private void stopMonitors() throws InterruptedException {
        Map<Started, Object> results = parallel(started, s -> {
            s.collector().stop();
            return Boolean.TRUE;
        });
        results.forEach((s, r) -> {
            if (!(r instanceof Boolean)) {
                problem("collector " + s.type() + " on " + s.host().name() + " did not stop cleanly: " + message(r));
            }
        });
    }

    // ---- 6. collect -------------------------------------------------------------------------

    private void collect() throws IOException, InterruptedException {
        Files.createDirectories(dir.hostsDirectory());
        Host exec = engine.executionHost();
        if (workDirs.containsKey(exec)) {
            String results = exec.resolve(workDirs.get(exec), "results");
            try {
                exec.fetch(results, dir.hostDirectory(exec.name()).resolve("results"));
            } catch (IOException e) {
                problem("cannot fetch the results from " + exec.name() + ": " + e.getMessage());
            }
        }
        Map<Started, Object> results = parallel(started, s -> {
            s.collector().fetch(dir.hostDirectory(s.host().name()).resolve(s.type()));
            return Boolean.TRUE;
        });
        results.forEach((s, r) -> {
            if (!(r instanceof Boolean)) {
                problem("cannot fetch " + s.type() + " data from " + s.host().name() + ": " + message(r));
            }
        });
        removeLinks();
    }

    /**
     * A host's copy may bring symbolic links (a script linking /etc/passwd into its results);
     * the run keeps files, never links, so nothing outside the run is ever served or archived.
     */
    private void removeLinks() throws IOException {
        List<Path> links;
        try (java.util.stream.Stream<Path> all = Files.walk(dir.hostsDirectory())) {
            links = all.filter(Files::isSymbolicLink).toList();
        }
        for (Path link : links) {
            Files.deleteIfExists(link);
            problem(dir.path().relativize(link) + " is a symbolic link; the run keeps files only, so it was not kept");
        }
    }

    // ---- 7. collate -------------------------------------------------------------------------

    private void collate() throws IOException {
        RunSummary.Builder metrics = RunSummary.builder();
        List<Series> series = new ArrayList<>();
        Host exec = engine.executionHost();
        Path resultsRoot = dir.hostDirectory(exec.name()).resolve("results");
        ResultFiles files = new ResultFiles(engine.parsers(), spec.framework().resultFiles());
        int iterations = record.build().iterations().size();
        for (int i = 1; i <= iterations; i++) {
            Path iterationDir = resultsRoot.resolve(Integer.toString(i));
            List<Path> found = files.find(iterationDir);
            if (found.isEmpty()) {
                problem("iteration " + i + " wrote no results.csv or multicol.csv into $PERFTEST_RESULTS_DIR"
                        + (spec.framework().resultFiles().isEmpty() ? "" : " and no file matching " + spec.framework().resultFiles()));
                continue;
            }
            for (Path f : found) {
                ParseResult r = files.parse(f);
                report(r, dir.path().relativize(f).toString());
                metrics.add(dir.path().relativize(f).toString(), i, r.metrics());
                for (Series s : r.series()) {
                    String key = iterations > 1 ? s.key() + "#" + i : s.key();
                    series.add(Series.of(key, exec.name(), s.unit(), s.epoch(), s.times(), s.values()));
                }
            }
        }
        for (Started s : started) {
            Path local = dir.hostDirectory(s.host().name()).resolve(s.type());
            try {
                ParseResult r = s.collector().results(local);
                report(r, s.type() + "@" + s.host().name());
                metrics.add(s.type() + "@" + s.host().name(), RunSummary.Builder.WHOLE_RUN,
                        r.metrics().stream().map(m -> onHost(m, s.host())).toList());
                for (Series x : r.series()) {
                    series.add(x.onHost(s.host().name()));
                }
            } catch (IOException | RuntimeException e) {
                problem("cannot read " + s.type() + " data of " + s.host().name() + ": " + e.getMessage());
            }
        }
        metrics.problems().forEach(this::problem);
        summary = metrics.build();
        dir.writeSummary(summary);
        if (!series.isEmpty()) {
            dir.writeSeries(series);
        }
        engine.counterListener().firings().forEach(record::trigger);
        if (failure == null) {
            judgement = engine.judge().judge(spec, summary, engine.history(), dir.number());
            record.baseline(judgement.baseline()).thresholds(judgement.thresholds());
            judgement.report().forEach(console::record);
        }
        engine.control().unstableReason().ifPresent(r -> console.warn("marked unstable: " + r));
    }

    /** Metrics of statistics hosts carry their host: {@code sar.cpu.all.user@stats1}. */
    private Metric onHost(Metric m, Host host) {
        return host == engine.executionHost() ? m : m.onHost(host.name());
    }

    /** Live counters likewise. */
    private String hostKey(String key, Host host) {
        return host == engine.executionHost() ? key : MetricKey.parse(key).onHost(host.name()).text();
    }

    private void report(ParseResult r, String what) {
        for (ParseProblem p : r.problems()) {
            problem(p.toString());
        }
        if (r.problemCount() > r.problems().size()) {
            problem(what + ": " + (r.problemCount() - r.problems().size()) + " more problem(s) not listed");
        }
    }

    // ---- 8. cleanup -------------------------------------------------------------------------

    private void cleanup() throws InterruptedException {
        Map<Host, Object> results = parallel(new ArrayList<>(workDirs.keySet()), host -> {
            int left = host.killProcessesWithEnvironment(RunEngine.RUN_ID_VARIABLE, runId, engine.grace());
            host.delete(workDirs.get(host));
            return left;
        });
        results.forEach((host, r) -> {
            if (r instanceof Integer left && left > 0) {
                console.warn(left + " process(es) of the run were still alive on " + host.name() + "; stopped");
            } else if (!(r instanceof Integer)) {
                problem("cleanup of " + host.name() + " failed: " + message(r));
            }
        });
    }

    // ---- parallel work on hosts -------------------------------------------------------------

    /** Work on one item that may fail. */
    @FunctionalInterface
    private interface Task<T> {
        Object run(T item) throws Exception;
    }

    /** Runs {@code task} on every item at once; the map holds each item's result or its exception. */
    private static <T> Map<T, Object> parallel(List<T> items, Task<T> task) throws InterruptedException {
        Map<T, Object> out = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return out;
        }
        if (items.size() == 1) {
            T item = items.get(0);
            out.put(item, call(task, item));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), 16), r -> {
            Thread t = new Thread(r, "perftest-host");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<T, Future<Object>> futures = new LinkedHashMap<>();
            for (T item : items) {
                Callable<Object> c = () -> call(task, item);
                futures.put(item, pool.submit(c));
            }
            for (Map.Entry<T, Future<Object>> e : futures.entrySet()) {
                try {
                    out.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    out.put(e.getKey(), ex.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static <T> Object call(Task<T> task, T item) throws InterruptedException {
        try {
            Object r = task.run(item);
            return r == null ? Boolean.TRUE : r;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return e;
        }
    }

    private static String message(Object failure) {
        if (failure instanceof Throwable t) {
            return t.getMessage() == null ? t.toString() : t.getMessage();
        }
        return String.valueOf(failure);
    }

    // ---- run.json spec ----------------------------------------------------------------------

    private RunRecord.Spec specRecord() {
        return new RunRecord.Spec(spec.framework().directory().toString(), spec.framework().script().toString(),
                spec.arguments(), spec.parameters(), Durations.format(spec.timeout()), spec.repeat(),
                spec.collectors().stream().map(CollectorSpec::toString).toList(), spec.statsHosts(),
                spec.thresholds().stream().map(SourcedText::text).toList(), spec.baseline(),
                spec.test().origin().source(), spec.framework().trend().isEmpty() ? null : spec.framework().trend());
    }
}
