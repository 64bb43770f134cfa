package io.perftest.host;

import java.io.IOException;

/** Something failed on a host: unreachable, a file that cannot be read, a process that cannot start. */
public class HostException extends IOException {

    private static final long serialVersionUID = 1L;

    public HostException(String host, String message) {
        super(host + ": " + message);
    }

    public HostException(String host, String message, Throwable cause) {
        super(host + ": " + message, cause);
    }
}
