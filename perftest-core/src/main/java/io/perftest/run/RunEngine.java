package io.perftest.run;

import io.perftest.analysis.RunJudge;
import io.perftest.collect.CollectorRegistry;
import io.perftest.collect.CounterListener;
import io.perftest.host.Host;
import io.perftest.ingest.ResultParsers;
import io.perftest.model.RunSpec;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunOwnership;
import io.perftest.store.TestHistory;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Runs a test through the lifecycle of DESIGN.md: setup, start monitors, run the script (repeat
 * times, under a timeout), stop monitors, collect, collate, cleanup; the last three whatever
 * happened before. Configure with {@link #builder}; each {@link #run()} makes one numbered run.
 */
public final class RunEngine {

    /** The environment variable that marks every process of a run (the cookie the process killer looks for). */
    public static final String RUN_ID_VARIABLE = Host.RUN_ID_VARIABLE;
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final RunSpec spec;
    private final Host executionHost;
    private final List<Host> statsHosts;
    private final TestHistory history;
    private final Console console;
    private final RunJudge judge;
    private final CollectorRegistry collectors;
    private final CounterListener counterListener;
    private final ResultParsers parsers;
    private final RunControl control;
    private final Duration grace;
    private final boolean archive;
    private final String localHostName;
    private final Duration quietProgress;

    private RunEngine(Builder b) {
        this.spec = Objects.requireNonNull(b.spec, "spec");
        this.executionHost = Objects.requireNonNull(b.executionHost, "executionHost");
        this.statsHosts = List.copyOf(b.statsHosts);
        this.history = Objects.requireNonNull(b.history, "history");
        this.console = b.console;
        this.judge = b.judge;
        this.collectors = b.collectors;
        this.counterListener = b.counterListener;
        this.parsers = b.parsers;
        this.control = b.control;
        this.grace = b.grace;
        this.archive = b.archive;
        this.localHostName = b.localHostName;
        this.quietProgress = b.quietProgress;
    }

    public static Builder builder(RunSpec spec, Host executionHost, TestHistory history) {
        return new Builder(spec, executionHost, history);
    }

    /**
     * Makes one run: takes the next number in the test's history, runs the lifecycle, and returns
     * what it produced. Runs of the history left unfinished by a killed process are marked
     * aborted first. Bad configuration of collectors is reported and the run goes on without them.
     *
     * @throws IOException only when the run directory itself cannot be created or written
     */
    public RunOutcome run() throws IOException, InterruptedException {
        repairAbandonedRuns();
        RunDirectory dir = history.createNextRun();
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String runId = spec.framework().name() + "/" + spec.test().name() + "/" + dir.number() + "-"
                + HexFormat.of().formatHex(random);
        return new Execution(this, dir, runId).execute();
    }

    private void repairAbandonedRuns() throws IOException {
        for (RunDirectory d : history.runs()) {
            if (d.exists()) {
                try {
                    var before = d.readRecord();
                    var after = RunOwnership.readRepairing(d, localHostName);
                    if (before.status() != after.status()) {
                        console.warn("run " + d.number() + " of this test was left " + before.status()
                                + " by a perftest process that is gone; marked ABORTED (its data is kept)");
                    }
                } catch (IOException e) {
                    console.warn("run " + d.path() + ": " + e.getMessage());
                }
            }
        }
    }

    RunSpec spec() {
        return spec;
    }

    Host executionHost() {
        return executionHost;
    }

    List<Host> statsHosts() {
        return statsHosts;
    }

    TestHistory history() {
        return history;
    }

    Console console() {
        return console;
    }

    RunJudge judge() {
        return judge;
    }

    CollectorRegistry collectors() {
        return collectors;
    }

    CounterListener counterListener() {
        return counterListener;
    }

    ResultParsers parsers() {
        return parsers;
    }

    RunControl control() {
        return control;
    }

    Duration grace() {
        return grace;
    }

    boolean archive() {
        return archive;
    }

    String localHostName() {
        return localHostName;
    }

    Duration quietProgress() {
        return quietProgress;
    }

    /** Configures a {@link RunEngine}; spec, execution host and history are required, the rest has defaults. */
    public static final class Builder {
        private final RunSpec spec;
        private final Host executionHost;
        private final TestHistory history;
        private List<Host> statsHosts = List.of();
        private Console console = Console.SILENT;
        private RunJudge judge = RunJudge.NONE;
        private CollectorRegistry collectors = CollectorRegistry.standard();
        private CounterListener counterListener = CounterListener.NONE;
        private ResultParsers parsers = ResultParsers.standard();
        private RunControl control = new RunControl();
        private Duration grace = DEFAULT_GRACE;
        private boolean archive;
        private String localHostName = io.perftest.host.LocalHost.localName();
        private Duration quietProgress = Duration.ofSeconds(30);

        private Builder(RunSpec spec, Host executionHost, TestHistory history) {
            this.spec = spec;
            this.executionHost = executionHost;
            this.history = history;
        }

        public Builder statsHosts(List<Host> value) {
            this.statsHosts = List.copyOf(value);
            return this;
        }

        public Builder console(Console value) {
            this.console = Objects.requireNonNull(value);
            return this;
        }

        public Builder judge(RunJudge value) {
            this.judge = Objects.requireNonNull(value);
            return this;
        }

        public Builder collectors(CollectorRegistry value) {
            this.collectors = Objects.requireNonNull(value);
            return this;
        }

        public Builder counterListener(CounterListener value) {
            this.counterListener = Objects.requireNonNull(value);
            return this;
        }

        public Builder parsers(ResultParsers value) {
            this.parsers = Objects.requireNonNull(value);
            return this;
        }

        /** The handle through which the run is cancelled (Ctrl-C, a Jenkins abort). */
        public Builder control(RunControl value) {
            this.control = Objects.requireNonNull(value);
            return this;
        }

        /** How long a stopped script may take to exit after SIGTERM before SIGKILL. */
        public Builder grace(Duration value) {
            this.grace = Objects.requireNonNull(value);
            return this;
        }

        /** Whether to write {@code raw.tar.gz} of {@code hosts/} at the end. */
        public Builder archive(boolean value) {
            this.archive = value;
            return this;
        }

        /** The name of the machine this engine runs on (to recognise runs left behind by its dead processes). */
        public Builder localHostName(String value) {
            this.localHostName = Objects.requireNonNull(value);
            return this;
        }

        /** How long the script may print nothing before the console says the run is still going (default 30s). */
        public Builder quietProgress(Duration value) {
            this.quietProgress = Objects.requireNonNull(value);
            return this;
        }

        public RunEngine build() {
            return new RunEngine(this);
        }
    }
}
