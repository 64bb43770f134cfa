package io.perftest.model;

/**
 * Bad configuration or usage: a message for the user that names the file, line and key.
 * Commands report it as one line and exit with code 2; it never shows a stack trace.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Origin origin;

    public ConfigException(Origin origin, String message) {
        super(origin + ": " + message);
        this.origin = origin;
    }

    public Origin origin() {
        return origin;
    }
}
