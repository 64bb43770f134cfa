package io.perftest.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one level of configuration sets of a {@link Framework}: a Jenkins framework folder, a
 * nested folder inside it, a step's "override the framework" fields, the Jenkins-wide default
 * collectors. Every field is optional; an empty one is not set here and is inherited.
 *
 * <p>The merge rule is written once, here: of a stack of layers (innermost first) the innermost
 * layer that sets a field wins, whole (a list is replaced, not appended to), and
 * {@link Framework.Builder#apply} turns the result into a framework, the framework's own
 * defaults filling what no layer sets. The test's own values ({@link TestSpec}) then override
 * the framework's in {@code ConfigLoader.resolve}, where thresholds add up instead.
 */
public final class FrameworkLayer {

    /** A layer that sets nothing. */
    public static final FrameworkLayer EMPTY = builder().build();

    private final Optional<String> script;
    private final Optional<List<Parameter>> arguments;
    private final Optional<List<CollectorSpec>> collectors;
    private final Optional<List<String>> statsHosts;
    private final Optional<Duration> timeout;
    private final Optional<Integer> repeat;
    private final Optional<List<SourcedText>> thresholds;
    private final Optional<String> baseline;
    private final Optional<List<String>> resultFiles;
    private final Optional<List<String>> trend;
    private final Optional<Boolean> exclusive;
    private final Optional<Duration> exclusiveWait;

    private FrameworkLayer(Builder b) {
        this.script = Optional.ofNullable(b.script);
        this.arguments = copy(b.arguments);
        this.collectors = copy(b.collectors);
        this.statsHosts = copy(b.statsHosts);
        this.timeout = Optional.ofNullable(b.timeout);
        this.repeat = Optional.ofNullable(b.repeat);
        this.thresholds = copy(b.thresholds);
        this.baseline = Optional.ofNullable(b.baseline);
        this.resultFiles = copy(b.resultFiles);
        this.trend = copy(b.trend);
        this.exclusive = Optional.ofNullable(b.exclusive);
        this.exclusiveWait = Optional.ofNullable(b.exclusiveWait);
        if (repeat.isPresent() && repeat.get() < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, was " + repeat.get());
        }
    }

    private static <T> Optional<List<T>> copy(List<T> list) {
        return list == null ? Optional.empty() : Optional.of(List.copyOf(list));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This layer over {@code outer}: every field this layer sets, and {@code outer}'s for the others.
     * The one merge rule of framework settings.
     */
    public FrameworkLayer over(FrameworkLayer outer) {
        Builder b = new Builder();
        b.script = pick(outer, FrameworkLayer::script);
        b.arguments = pick(outer, FrameworkLayer::arguments);
        b.collectors = pick(outer, FrameworkLayer::collectors);
        b.statsHosts = pick(outer, FrameworkLayer::statsHosts);
        b.timeout = pick(outer, FrameworkLayer::timeout);
        b.repeat = pick(outer, FrameworkLayer::repeat);
        b.thresholds = pick(outer, FrameworkLayer::thresholds);
        b.baseline = pick(outer, FrameworkLayer::baseline);
        b.resultFiles = pick(outer, FrameworkLayer::resultFiles);
        b.trend = pick(outer, FrameworkLayer::trend);
        b.exclusive = pick(outer, FrameworkLayer::exclusive);
        b.exclusiveWait = pick(outer, FrameworkLayer::exclusiveWait);
        return b.build();
    }

    private <T> T pick(FrameworkLayer outer, Function<FrameworkLayer, Optional<T>> field) {
        return field.apply(this).or(() -> field.apply(outer)).orElse(null);
    }

    /** The layers merged, innermost first: {@code layers[0]} over {@code layers[1]} over ... */
    public static FrameworkLayer stack(List<FrameworkLayer> innermostFirst) {
        FrameworkLayer merged = EMPTY;
        for (int i = innermostFirst.size() - 1; i >= 0; i--) {
            merged = innermostFirst.get(i).over(merged);
        }
        return merged;
    }

    /** The execution script as written: absolute, or relative to the framework's directory. */
    public Optional<String> script() {
        return script;
    }

    public Optional<List<Parameter>> arguments() {
        return arguments;
    }

    public Optional<List<CollectorSpec>> collectors() {
        return collectors;
    }

    /** The statistics hosts: names from hosts.yaml on the command line, a label expression in Jenkins. */
    public Optional<List<String>> statsHosts() {
        return statsHosts;
    }

    public Optional<Duration> timeout() {
        return timeout;
    }

    public Optional<Integer> repeat() {
        return repeat;
    }

    public Optional<List<SourcedText>> thresholds() {
        return thresholds;
    }

    public Optional<String> baseline() {
        return baseline;
    }

    public Optional<List<String>> resultFiles() {
        return resultFiles;
    }

    public Optional<List<String>> trend() {
        return trend;
    }

    public Optional<Boolean> exclusive() {
        return exclusive;
    }

    public Optional<Duration> exclusiveWait() {
        return exclusiveWait;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameworkLayer l && script.equals(l.script) && arguments.equals(l.arguments)
                && collectors.equals(l.collectors) && statsHosts.equals(l.statsHosts) && timeout.equals(l.timeout)
                && repeat.equals(l.repeat) && thresholds.equals(l.thresholds) && baseline.equals(l.baseline)
                && resultFiles.equals(l.resultFiles) && trend.equals(l.trend) && exclusive.equals(l.exclusive)
                && exclusiveWait.equals(l.exclusiveWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(script, arguments, collectors, statsHosts, timeout, repeat, thresholds, baseline,
                resultFiles, trend, exclusive, exclusiveWait);
    }

    /** Builds a layer; a field never called stays unset (inherited). */
    public static final class Builder {
        private String script;
        private List<Parameter> arguments;
        private List<CollectorSpec> collectors;
        private List<String> statsHosts;
        private Duration timeout;
        private Integer repeat;
        private List<SourcedText> thresholds;
        private String baseline;
        private List<String> resultFiles;
        private List<String> trend;
        private Boolean exclusive;
        private Duration exclusiveWait;

        private Builder() {
        }

        public Builder script(String value) {
            this.script = value;
            return this;
        }

        public Builder arguments(List<Parameter> value) {
            this.arguments = new ArrayList<>(value);
            return this;
        }

        public Builder collectors(List<CollectorSpec> value) {
            this.collectors = new ArrayList<>(value);
            return this;
        }

        public Builder statsHosts(List<String> value) {
            this.statsHosts = new ArrayList<>(value);
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder repeat(Integer value) {
            this.repeat = value;
            return this;
        }

        public Builder thresholds(List<SourcedText> value) {
            this.thresholds = new ArrayList<>(value);
            return this;
        }

        public Builder baseline(String value) {
            this.baseline = value;
            return this;
        }

        public Builder resultFiles(List<String> value) {
            this.resultFiles = new ArrayList<>(value);
            return this;
        }

        public Builder trend(List<String> value) {
            this.trend = new ArrayList<>(value);
            return this;
        }

        public Builder exclusive(Boolean value) {
            this.exclusive = value;
            return this;
        }

        public Builder exclusiveWait(Duration value) {
            this.exclusiveWait = value;
            return this;
        }

        public FrameworkLayer build() {
            return new FrameworkLayer(this);
        }
    }
}
