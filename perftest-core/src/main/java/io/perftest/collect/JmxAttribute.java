package io.perftest.collect;

import io.perftest.ingest.MetricNames;
import io.perftest.model.MetricKey;
import io.perftest.model.Unit;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An MBean attribute the user names for the {@code jmx} collector, written
 * {@code [LABEL [(UNIT)]=]OBJECTNAME/ATTRIBUTE[.KEY...]}: {@code java.lang:type=Memory/HeapMemoryUsage.used},
 * {@code requests (count)=Catalina:type=GlobalRequestProcessor,name="http-nio-8080"/requestCount}.
 * The attribute follows the last {@code /}; {@code .KEY} reads an item of composite data. The label
 * is the user's own name, verbatim, its dots separating parts ({@code jmx."open files"}). Without a
 * label, the metric is named from the MBean's {@code name} (else {@code type}, else domain) property
 * and the attribute path: {@code jmx.Memory.HeapMemoryUsage.used}.
 *
 * @param key       the metric key ({@code jmx.<label>})
 * @param unit      the unit given with the label, or none
 * @param mbean     the MBean (one, not a pattern)
 * @param attribute the attribute's name
 * @param path      the keys into composite data, outermost first; empty for a plain value
 */
record JmxAttribute(String key, Unit unit, ObjectName mbean, String attribute, List<String> path) {

    JmxAttribute {
        path = List.copyOf(path);
    }

    /**
     * Parses one item of the {@code attributes} option.
     *
     * @throws IllegalArgumentException saying what is wrong and how it is written
     */
    static JmxAttribute parse(String text, String source) {
        String t = text.trim();
        String label = null;
        int eq = t.indexOf('=');
        int colon = t.indexOf(':');
        if (eq > 0 && (colon < 0 || colon > eq)) {
            label = t.substring(0, eq).trim();
            t = t.substring(eq + 1).trim();
        }
        int slash = t.lastIndexOf('/');
        if (slash <= 0 || slash == t.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not OBJECTNAME/ATTRIBUTE[.KEY] (e.g. java.lang:type=Memory/HeapMemoryUsage.used)");
        }
        ObjectName name;
        try {
            name = new ObjectName(t.substring(0, slash));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("'" + t.substring(0, slash) + "' in '" + text + "' is not an MBean name: " + e.getMessage());
        }
        if (name.isPattern()) {
            throw new IllegalArgumentException("'" + name + "' in '" + text + "' is a pattern: name one MBean");
        }
        String[] parts = t.substring(slash + 1).split("\\.");
        List<String> path = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw new IllegalArgumentException("'" + text + "' has an empty key after a '.'");
            }
            path.add(parts[i].trim());
        }
        Unit unit = Unit.NONE;
        MetricKey key = MetricKey.of(source);
        if (label != null) {
            MetricNames.NameAndUnit nu = MetricNames.split(label, false);
            if (nu.name().isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has an empty label before '='");
            }
            unit = nu.unit();
            key = key.name(nu.name());
        } else {
            String owner = name.getKeyProperty("name") != null ? name.getKeyProperty("name")
                    : name.getKeyProperty("type") != null ? name.getKeyProperty("type") : name.getDomain();
            key = key.then(MetricKey.foldedPart(owner.startsWith("\"") ? ObjectName.unquote(owner) : owner),
                    MetricKey.foldedPart(parts[0]));
            for (String k : path) {
                key = key.then(MetricKey.foldedPart(k));
            }
        }
        return new JmxAttribute(key.text(), unit, name, parts[0].trim(), path);
    }

    /**
     * Reads the attribute's current value as a number.
     *
     * @throws IOException  the connection failed (the caller reconnects)
     * @throws JMException  the MBean or attribute is not there
     * @throws IllegalStateException the value is not a number (says what it is)
     */
    double read(MBeanServerConnection connection) throws IOException, JMException {
        Object v = connection.getAttribute(mbean, attribute);
        StringBuilder at = new StringBuilder(attribute);
        for (String k : path) {
            if (!(v instanceof CompositeData cd)) {
                throw new IllegalStateException(at + " is " + describe(v) + ", not composite data with key '" + k + "'");
            }
            if (!cd.containsKey(k)) {
                throw new IllegalStateException(at + " has no key '" + k + "' (keys: "
                        + String.join(", ", cd.getCompositeType().keySet()) + ")");
            }
            v = cd.get(k);
            at.append('.').append(k);
        }
        return number(v, at.toString());
    }

    static double number(Object v, String what) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof CompositeData cd) {
            throw new IllegalStateException(what + " is composite data: name one of its keys (" + what + ".KEY; keys: "
                    + String.join(", ", cd.getCompositeType().keySet()) + ")");
        }
        throw new IllegalStateException(what + " is " + describe(v) + ", not a number");
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String s = String.valueOf(v);
        return "a " + v.getClass().getSimpleName() + " ('" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "')";
    }

    /** The attribute as the user wrote it, for messages. */
    String source() {
        return mbean + "/" + attribute + (path.isEmpty() ? "" : "." + String.join(".", path));
    }
}
