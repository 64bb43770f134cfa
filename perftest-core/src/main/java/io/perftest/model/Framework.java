package io.perftest.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The defaults every test of a framework inherits: execution script, declared arguments,
 * collectors, statistics hosts, timeout, repeat count, thresholds and baseline policy.
 */
public final class Framework {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    public static final String DEFAULT_BASELINE = "previous";
    /** How long a run that wants its hosts to itself waits for them to become quiet, by default. */
    public static final Duration DEFAULT_EXCLUSIVE_WAIT = Duration.ofHours(1);

    private final String name;
    private final String description;
    private final Path directory;
    private final Path script;
    private final List<Parameter> arguments;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final int repeat;
    private final List<CollectorSpec> collectors;
    private final List<String> statsHosts;
    private final List<SourcedText> thresholds;
    private final String baseline;
    private final List<String> resultFiles;
    private final List<SourcedText> triggers;
    private final List<String> trend;
    private final boolean exclusive;
    private final Duration exclusiveWait;

    private Framework(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.description = b.description == null ? "" : b.description;
        this.directory = Objects.requireNonNull(b.directory, "directory");
        this.script = Objects.requireNonNull(b.script, "script");
        this.arguments = List.copyOf(b.arguments);
        this.environment = Map.copyOf(b.environment);
        this.timeout = b.timeout;
        this.repeat = b.repeat;
        this.collectors = List.copyOf(b.collectors);
        this.statsHosts = List.copyOf(b.statsHosts);
        this.thresholds = List.copyOf(b.thresholds);
        this.baseline = b.baseline;
        this.resultFiles = List.copyOf(b.resultFiles);
        this.triggers = List.copyOf(b.triggers);
        this.trend = List.copyOf(b.trend);
        this.exclusive = b.exclusive;
        this.exclusiveWait = Objects.requireNonNull(b.exclusiveWait, "exclusiveWait");
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, was " + repeat);
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The directory holding {@code framework.yaml}; relative paths are resolved against it. */
    public Path directory() {
        return directory;
    }

    /** The execution script, absolute. */
    public Path script() {
        return script;
    }

    public List<Parameter> arguments() {
        return arguments;
    }

    public Optional<Parameter> argument(String argName) {
        return arguments.stream().filter(p -> p.name().equals(argName)).findFirst();
    }

    /** Extra environment variables for the script. */
    public Map<String, String> environment() {
        return environment;
    }

    public Duration timeout() {
        return timeout;
    }

    public int repeat() {
        return repeat;
    }

    public List<CollectorSpec> collectors() {
        return collectors;
    }

    public List<String> statsHosts() {
        return statsHosts;
    }

    public List<SourcedText> thresholds() {
        return thresholds;
    }

    public String baseline() {
        return baseline;
    }

    /** Globs (relative to the results dir) of extra result files to parse, beside results.csv and multicol.csv. */
    public List<String> resultFiles() {
        return resultFiles;
    }

    /** Live counters with a threshold held for a duration and their actions ({@code sar.cpu.all.idle < 5 for 30s: abort}). */
    public List<SourcedText> triggers() {
        return triggers;
    }

    /**
     * The metrics a page that cannot show all of them shows first, after those the thresholds
     * name: keys or globs ({@code results.*}), in this order ({@code trend:} in framework.yaml).
     */
    public List<String> trend() {
        return trend;
    }

    /**
     * Whether a run wants its hosts to itself: it waits (at most {@link #exclusiveWait()}) until
     * nothing else runs on them and holds them while it runs. Jenkins honours it (every executor
     * of the nodes); the command line has no way to hold an SSH host yet and does not read it.
     */
    public boolean exclusive() {
        return exclusive;
    }

    /** How long an {@link #exclusive()} run waits for its hosts before it gives up. */
    public Duration exclusiveWait() {
        return exclusiveWait;
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.description = description;
        b.directory = directory;
        b.script = script;
        b.arguments.addAll(arguments);
        b.environment.putAll(environment);
        b.timeout = timeout;
        b.repeat = repeat;
        b.collectors.addAll(collectors);
        b.statsHosts.addAll(statsHosts);
        b.thresholds.addAll(thresholds);
        b.baseline = baseline;
        b.resultFiles.addAll(resultFiles);
        b.triggers.addAll(triggers);
        b.trend.addAll(trend);
        b.exclusive = exclusive;
        b.exclusiveWait = exclusiveWait;
        return b;
    }

    /** Builds a {@link Framework}; name, directory and script are required. */
    public static final class Builder {
        private final String name;
        private String description;
        private Path directory;
        private Path script;
        private final List<Parameter> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private int repeat = 1;
        private final List<CollectorSpec> collectors = new ArrayList<>();
        private final List<String> statsHosts = new ArrayList<>();
        private final List<SourcedText> thresholds = new ArrayList<>();
        private String baseline = DEFAULT_BASELINE;
        private final List<String> resultFiles = new ArrayList<>();
        private final List<SourcedText> triggers = new ArrayList<>();
        private final List<String> trend = new ArrayList<>();
        private boolean exclusive;
        private Duration exclusiveWait = DEFAULT_EXCLUSIVE_WAIT;

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder directory(Path value) {
            this.directory = value;
            return this;
        }

        public Builder script(Path value) {
            this.script = value;
            return this;
        }

        public Builder argument(Parameter value) {
            this.arguments.add(value);
            return this;
        }

        public Builder environment(String key, String value) {
            this.environment.put(key, value);
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder repeat(int value) {
            this.repeat = value;
            return this;
        }

        public Builder collector(CollectorSpec value) {
            this.collectors.add(value);
            return this;
        }

        public Builder clearCollectors() {
            this.collectors.clear();
            return this;
        }

        public Builder statsHost(String value) {
            this.statsHosts.add(value);
            return this;
        }

        public Builder threshold(SourcedText value) {
            this.thresholds.add(value);
            return this;
        }

        public Builder baseline(String value) {
            this.baseline = value;
            return this;
        }

        public Builder resultFile(String glob) {
            this.resultFiles.add(glob);
            return this;
        }

        public Builder trigger(SourcedText value) {
            this.triggers.add(value);
            return this;
        }

        public Builder trend(String keyOrGlob) {
            this.trend.add(keyOrGlob);
            return this;
        }

        public Builder exclusive(boolean value) {
            this.exclusive = value;
            return this;
        }

        public Builder exclusiveWait(Duration value) {
            this.exclusiveWait = value;
            return this;
        }

        /**
         * Takes every field {@code layer} sets (and leaves the others as they are): the one place
         * where a layer of configuration becomes a framework. A relative script is resolved
         * against the directory, which must be set first.
         */
        public Builder apply(FrameworkLayer layer) {
            layer.script().ifPresent(s -> this.script = directory == null ? Path.of(s) : directory.resolve(s).normalize());
            layer.arguments().ifPresent(list -> { arguments.clear(); arguments.addAll(list); });
            layer.collectors().ifPresent(list -> { collectors.clear(); collectors.addAll(list); });
            layer.statsHosts().ifPresent(list -> { statsHosts.clear(); statsHosts.addAll(list); });
            layer.timeout().ifPresent(v -> this.timeout = v);
            layer.repeat().ifPresent(v -> this.repeat = v);
            layer.thresholds().ifPresent(list -> { thresholds.clear(); thresholds.addAll(list); });
            layer.baseline().ifPresent(v -> this.baseline = v);
            layer.resultFiles().ifPresent(list -> { resultFiles.clear(); resultFiles.addAll(list); });
            layer.trend().ifPresent(list -> { trend.clear(); trend.addAll(list); });
            layer.exclusive().ifPresent(v -> this.exclusive = v);
            layer.exclusiveWait().ifPresent(v -> this.exclusiveWait = v);
            return this;
        }

        public Framework build() {
            return new Framework(this);
        }
    }
}
