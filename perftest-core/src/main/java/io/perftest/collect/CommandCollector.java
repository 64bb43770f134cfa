package io.perftest.collect;

import io.perftest.host.Host;
import io.perftest.ingest.ParseResult;
import io.perftest.ingest.Problems;
import io.perftest.model.CollectorSpec;
import io.perftest.model.Direction;
import io.perftest.model.Durations;
import io.perftest.model.Unit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A counter read by running a command (PyScaler's SSH counters): every interval, on every host of
 * the run, the command runs through {@link Host#start} (argv, never a shell; with the run's
 * cookie) and its standard output, one number, becomes a sample of {@code command.<name>} (a
 * series, a summary metric and a live counter for triggers). A run still going at the end of the
 * interval is stopped and counted as a miss; a failing run (exit code) or output that is not one
 * number is reported once, with the text, and the sampling goes on. The samples are written to
 * {@code <name>.csv} in the work directory when the collector stops.
 */
public final class CommandCollector implements Collector {

    public static final String TYPE = "command";
    static final String PREFIX = TYPE + ".";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final String name;
    private final List<String> argv;
    private final Duration interval;
    private final Unit unit;
    private final Direction direction;

    private CommandCollector(String name, List<String> argv, Duration interval, Unit unit, Direction direction) {
        this.name = name;
        this.argv = List.copyOf(argv);
        this.interval = interval;
        this.unit = unit;
        this.direction = direction;
    }

    /**
     * Registers {@code command}: options {@code name} (required; the metric is {@code command.<name>}),
     * {@code run} (a command line, see {@link CollectorOptions#argv}) or {@code argv} (the words as a
     * list: {@code ;}-separated, a YAML list in {@code framework.yaml}), {@code interval} (default 1s,
     * at least 100ms; also the bound on one run), {@code unit}, {@code better} ({@code lower},
     * {@code higher}; neutral by default).
     */
    public static final class Factory implements CollectorFactory {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String description() {
            return "a command printing one number, run every interval on every host (a live counter); "
                    + "options name, run (a command line, no shell) or argv (a list), interval (default 1s), unit, better (lower, higher; by default lower when the name says errors, failures, drops, timeouts, else neutral)";
        }

        @Override
        public Collector create(CollectorSpec spec) {
            CollectorOptions o = CollectorOptions.of(spec, Set.of("name", "run", "argv", "interval", "unit", "better"));
            String name = o.required("name", "name=queue_depth");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("collector command option name=" + name
                        + ": use letters, digits, '_', '-' and '.' (it becomes the metric command." + name + ")");
            }
            if (o.has("run") == o.has("argv")) {
                throw new IllegalArgumentException("collector command " + name + ": give the command either as run (a command line: "
                        + "run=redis-cli llen jobs) or as argv (a list: argv=redis-cli;llen;jobs), " + (o.has("run") ? "not both" : "one of them"));
            }
            List<String> argv = o.has("run") ? o.argv("run", "run=redis-cli llen jobs") : o.list("argv");
            Duration interval = o.duration("interval", Duration.ofSeconds(1), Duration.ofMillis(100));
            Unit unit = Unit.parse(o.text("unit", ""));
            Direction unsaid = Direction.namesBadEvents(name) ? Direction.LOWER_IS_BETTER : Direction.NEUTRAL;
            Direction direction = switch (o.choice("better", unsaid.label(), "lower", "higher", "neutral", "none")) {
                case "lower" -> Direction.LOWER_IS_BETTER;
                case "higher" -> Direction.HIGHER_IS_BETTER;
                default -> Direction.NEUTRAL;
            };
            return new CommandCollector(name, argv, interval, unit, direction);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    String name() {
        return name;
    }

    List<String> argv() {
        return argv;
    }

    /** The file of this counter in the collector's work directory (several counters share it). */
    String file() {
        return name + ".csv";
    }

    @Override
    public RunningCollector start(Host host, CollectorContext ctx) throws IOException {
        String program = argv.get(0);
        boolean found = program.contains("/") ? host.exists(program) : host.hasCommand(program);
        if (!found) {
            throw new CollectorUnavailableException("command." + name + ": " + program + " is not "
                    + (program.contains("/") ? "there" : "on the PATH") + " on " + host.name()
                    + " (give a command on the PATH or an absolute path)");
        }
        Running r = new Running(host, ctx);
        r.sampler.start();
        return r;
    }

    /** The parsed output of one run: a number, or why there is none. */
    static double parse(String output) {
        String t = output.strip();
        if (!NUMBER.matcher(t).matches()) {
            throw new NumberFormatException(t.isEmpty() ? "printed nothing"
                    : "printed '" + (t.length() > 80 ? t.substring(0, 80) + "..." : t) + "', not one number");
        }
        return Double.parseDouble(t);
    }

    /** The command run every interval on one host. */
    private final class Running implements RunningCollector {
        private final Host host;
        private final CollectorContext ctx;
        private final SeriesTable table = new SeriesTable();
        private final PeriodicSampler sampler;
        private final String key = PREFIX + name;
        private final List<String> reported = new ArrayList<>();
        private volatile Map<String, Double> latest = Map.of();
        private int misses;
        private int failures;
        private int unreadable;
        private int runs;

        Running(Host host, CollectorContext ctx) {
            this.host = host;
            this.ctx = ctx;
            this.sampler = new PeriodicSampler(TYPE + "-" + name + "-" + host.name(), interval, this::sample, ctx.log());
        }

        private void sample(long atMillis) throws IOException, InterruptedException {
            StringBuilder out = new StringBuilder();
            runs++;
            ToolProcess.Finished f = ToolProcess.run(host, ctx, argv, ctx.workDirectory(), line -> {
                synchronized (out) {
                    if (out.length() < 4096) {
                        out.append(line).append('\n');
                    }
                }
            }, interval);
            if (f.exitCode().isEmpty()) {
                misses++;
                once("miss", "a run did not finish within the interval of " + Durations.format(interval)
                        + ": stopped and counted as a miss");
                return;
            }
            if (!f.ok()) {
                failures++;
                once("failure", "a run failed (" + f.why() + ")");
                return;
            }
            double v;
            try {
                synchronized (out) {
                    v = parse(out.toString());
                }
            } catch (NumberFormatException e) {
                unreadable++;
                once("output", e.getMessage());
                return;
            }
            synchronized (table) {
                table.startRow(atMillis / 1000.0);
                table.put(key, unit, direction, v);
            }
            latest = Map.of(key, v);
        }

        /** Says the first problem of each kind on the console, once. */
        private void once(String kind, String message) {
            synchronized (reported) {
                if (!reported.contains(kind)) {
                    reported.add(kind);
                    reported.add(message);
                    ctx.log().accept(key + ": " + message + " (" + String.join(" ", argv) + "; reported once)");
                }
            }
        }

        private String first(String kind) {
            synchronized (reported) {
                int i = reported.indexOf(kind);
                return i < 0 ? "" : reported.get(i + 1);
            }
        }

        @Override
        public Map<String, Double> latest() {
            return latest;
        }

        @Override
        public void stop() throws IOException, InterruptedException {
            sampler.stop(interval.plusSeconds(3));
            byte[] csv;
            synchronized (table) {
                csv = table.toCsv();
            }
            host.writeFile(host.resolve(ctx.workDirectory(), file()), csv);
        }

        @Override
        public void fetch(Path localDirectory) throws IOException {
            host.fetch(host.resolve(ctx.workDirectory(), file()), localDirectory);
        }

        @Override
        public ParseResult results(Path localDirectory) throws IOException {
            String display = TYPE + "/" + file();
            ParseResult r = SeriesTable.readCsv(localDirectory.resolve(file()), display, k -> direction);
            if (r.metrics().isEmpty() && misses + failures + unreadable > 0) {
                // no sample because no run gave a number: said below, with the reason, instead
                List<io.perftest.ingest.ParseProblem> kept = r.problems().stream()
                        .filter(x -> !x.toString().contains("holds no complete sample")).toList();
                r = new ParseResult(r.metrics(), r.series(), kept, r.problemCount() - (r.problems().size() - kept.size()));
            }
            Problems p = new Problems(display);
            String of = " of " + runs + " runs of " + String.join(" ", argv) + " on " + host.name();
            if (misses > 0) {
                p.addFileProblem(misses + of + " did not finish within " + Durations.format(interval) + " (misses)");
            }
            if (failures > 0) {
                p.addFileProblem(failures + of + " failed (first: " + first("failure") + ")");
            }
            if (unreadable > 0) {
                p.addFileProblem(unreadable + of + " printed no number (first: " + first("output") + ")");
            }
            if (sampler.failures() > 0) {
                p.addFileProblem(sampler.failures() + of + " could not start (first: " + sampler.firstFailure() + ")");
            }
            return r.plus(SeriesTable.withProblems(ParseResult.empty(), p));
        }
    }
}
