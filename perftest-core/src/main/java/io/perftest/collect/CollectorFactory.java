package io.perftest.collect;

import io.perftest.model.CollectorSpec;

/** Creates a configured {@link Collector} of one type from its options. Registered in {@link CollectorRegistry}. */
public interface CollectorFactory {

    String type();

    /** One line for {@code --help} and the docs. */
    String description();

    /**
     * @throws IllegalArgumentException naming the bad option and what is allowed
     */
    Collector create(CollectorSpec spec);
}
