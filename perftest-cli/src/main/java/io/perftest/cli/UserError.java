package io.perftest.cli;

/** A mistake of the user's that a command reports in one line with exit code 2 (no stack trace). */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
