package io.perftest.collect;

import io.perftest.model.CollectorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The collector types perftest knows: the built-in ones and those registered as services. */
public final class CollectorRegistry {

    private final List<CollectorFactory> factories;

    private CollectorRegistry(List<CollectorFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    public static CollectorRegistry standard() {
        List<CollectorFactory> all = new ArrayList<>(builtIn());
        for (CollectorFactory f : ServiceLoader.load(CollectorFactory.class)) {
            if (all.stream().noneMatch(g -> g.type().equals(f.type()))) {
                all.add(f);
            }
        }
        return new CollectorRegistry(all);
    }

    public static CollectorRegistry of(List<CollectorFactory> factories) {
        return new CollectorRegistry(factories);
    }

    static List<CollectorFactory> builtIn() {
        return List.of(new SarCollector.Factory(), new ProcCollector.Factory(), new StraceCollector.Factory(),
                new PerfCollector.Factory(), new JmxCollector.Factory(), new CommandCollector.Factory());
    }

    public List<CollectorFactory> all() {
        return factories;
    }

    public Optional<CollectorFactory> byType(String type) {
        return factories.stream().filter(f -> f.type().equals(type)).findFirst();
    }

    /**
     * Creates the collector a spec describes.
     *
     * @throws IllegalArgumentException for an unknown type (listing the known ones) or a bad option
     */
    public Collector create(CollectorSpec spec) {
        CollectorFactory f = byType(spec.type()).orElseThrow(() -> new IllegalArgumentException(
                "unknown collector '" + spec.type() + "'" + (factories.isEmpty() ? " (none is available)"
                        : " (known: " + String.join(", ", factories.stream().map(CollectorFactory::type).toList()) + ")")));
        return f.create(spec);
    }

    /** A check for {@code ConfigChecks}: fails like {@link #create} does. */
    public void check(CollectorSpec spec) {
        create(spec);
    }
}
