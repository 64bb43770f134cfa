package io.perftest.collect;

import java.io.IOException;

/** A collector cannot run on a host (its tool is missing, the kernel forbids it): the run goes on and says why once. */
public class CollectorUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public CollectorUnavailableException(String message) {
        super(message);
    }
}
