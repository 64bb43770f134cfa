package io.perftest.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A declared argument of an execution script: passed as one argv entry in declaration order and
 * as {@code PERFTEST_PARAM_<NAME>} in the environment. A {@code null} default makes it required.
 * {@code origin} is where it was declared, for messages about it.
 */
public record Parameter(String name, String defaultValue, String description, Origin origin) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    public Parameter {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name
                    + "' must start with a letter or '_' and hold only letters, digits, '_', '.' and '-'");
        }
        description = description == null ? "" : description;
        origin = origin == null ? Origin.of("(declared in code)") : origin;
    }

    /** A parameter declared outside a file (in Jenkins' job configuration, in code). */
    public Parameter(String name, String defaultValue, String description) {
        this(name, defaultValue, description, null);
    }

    /** Equal when name, default and description are: where it was declared is not part of what it is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p && p.name.equals(name) && java.util.Objects.equals(p.defaultValue, defaultValue)
                && p.description.equals(description);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, defaultValue, description);
    }

    public boolean isRequired() {
        return defaultValue == null;
    }

    /** The environment variable the script reads it from: {@code PERFTEST_PARAM_} + upper-cased name, non-alphanumerics as '_'. */
    public String environmentName() {
        return environmentName(name);
    }

    public static String environmentName(String name) {
        StringBuilder b = new StringBuilder("PERFTEST_PARAM_");
        for (char c : name.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return b.toString();
    }
}
