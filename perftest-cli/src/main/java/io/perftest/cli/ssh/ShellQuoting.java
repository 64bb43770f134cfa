package io.perftest.cli.ssh;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the one command string an SSH server hands to the remote user's POSIX shell from an argv
 * list, so that every argument arrives verbatim: each word is single-quoted, and a single quote
 * inside it becomes {@code '\''}. Nothing a user wrote is ever pasted into a command unquoted.
 */
public final class ShellQuoting {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShellQuoting() {
    }

    /** One word for a POSIX shell: {@code it's} becomes {@code 'it'\''s'}. */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an argument cannot hold a NUL character: " + word.replace('\0', '?'));
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The argv as one shell command line, every word quoted. */
    public static String command(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        StringBuilder b = new StringBuilder();
        for (String word : argv) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(quote(word));
        }
        return b.toString();
    }

    /** Whether {@code name} can be an environment variable name passed through {@code env NAME=VALUE}. */
    public static boolean isEnvironmentName(String name) {
        return ENV_NAME.matcher(name).matches();
    }
}
