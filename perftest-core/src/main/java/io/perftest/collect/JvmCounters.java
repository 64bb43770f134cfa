package io.perftest.collect;

import io.perftest.model.Direction;
import io.perftest.model.MetricKey;
import io.perftest.model.Unit;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The standard counters of a JVM read from its platform MBeans over one connection: heap and
 * non-heap memory, garbage collections per collector and in total, threads, CPU load and loaded
 * classes. Garbage collection counts and times are cumulative in the JVM; here they are the
 * increase since the first sample (so the last value is what the run cost), surviving a restart
 * of the JVM (its counters start again from zero). Used by one sampler thread.
 */
final class JvmCounters {

    /** One value read: its metric key, unit, direction. */
    record Reading(String key, Unit unit, Direction direction, double value) {
    }

    static final String PREFIX = "jmx.";
    private static final ObjectName MEMORY = name("java.lang:type=Memory");
    private static final ObjectName THREADING = name("java.lang:type=Threading");
    private static final ObjectName OS = name("java.lang:type=OperatingSystem");
    private static final ObjectName CLASSES = name("java.lang:type=ClassLoading");
    private static final ObjectName COLLECTORS = name("java.lang:type=GarbageCollector,*");

    /** Raw cumulative value last seen, and the increase accumulated since the first sample, per GC key. */
    private final Map<String, double[]> gc = new HashMap<>();

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a key is one of the cumulative GC counters (its summary is its last value, the run's total). */
    static boolean cumulative(String key) {
        return key.startsWith(PREFIX + "gc.") && (key.endsWith(".count") || key.endsWith(".time"));
    }

    /** The direction of a {@code jmx.*} key read back from the CSV (an attribute the user names: lower when its name says errors). */
    static Direction direction(String key) {
        if (key.equals(PREFIX + "heap.used") || key.equals(PREFIX + "nonheap.used") || key.startsWith(PREFIX + "cpu.")
                || cumulative(key) || Direction.namesBadEvents(key)) {
            return Direction.LOWER_IS_BETTER;
        }
        return Direction.NEUTRAL;
    }

    /**
     * Reads every counter the JVM exposes; one that it lacks (an MBean or attribute of another
     * JVM vendor, a CPU load not yet known) is left out.
     *
     * @throws IOException when the connection fails
     */
    List<Reading> read(MBeanServerConnection c) throws IOException {
        List<Reading> out = new ArrayList<>();
        Map<String, Object> mem = attributes(c, MEMORY, "HeapMemoryUsage", "NonHeapMemoryUsage");
        memory(out, "heap", mem.get("HeapMemoryUsage"));
        memory(out, "nonheap", mem.get("NonHeapMemoryUsage"));

        double count = 0;
        double time = 0;
        boolean any = false;
        for (ObjectName gcName : new TreeSet<>(c.queryNames(COLLECTORS, null))) {
            Map<String, Object> g = attributes(c, gcName, "CollectionCount", "CollectionTime");
            if (g.get("CollectionCount") instanceof Number n && g.get("CollectionTime") instanceof Number t && n.longValue() >= 0) {
                String label = MetricKey.foldedPart(gcName.getKeyProperty("name") == null ? gcName.toString() : gcName.getKeyProperty("name"));
                double dc = increase(PREFIX + "gc." + label + ".count", n.doubleValue());
                double dt = increase(PREFIX + "gc." + label + ".time", Math.max(0, t.doubleValue()));
                out.add(new Reading(PREFIX + "gc." + label + ".count", Unit.COUNT, Direction.LOWER_IS_BETTER, dc));
                out.add(new Reading(PREFIX + "gc." + label + ".time", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, dt));
                count += dc;
                time += dt;
                any = true;
            }
        }
        if (any) {
            out.add(new Reading(PREFIX + "gc.count", Unit.COUNT, Direction.LOWER_IS_BETTER, count));
            out.add(new Reading(PREFIX + "gc.time", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, time));
        }

        Map<String, Object> threads = attributes(c, THREADING, "ThreadCount", "PeakThreadCount", "DaemonThreadCount");
        plain(out, "threads", Unit.COUNT, threads.get("ThreadCount"), 1);
        plain(out, "threads.peak", Unit.COUNT, threads.get("PeakThreadCount"), 1);
        plain(out, "threads.daemon", Unit.COUNT, threads.get("DaemonThreadCount"), 1);

        Map<String, Object> os = attributes(c, OS, "ProcessCpuLoad", "CpuLoad", "SystemCpuLoad");
        plain(out, "cpu.process", Unit.PERCENT, os.get("ProcessCpuLoad"), 100);
        plain(out, "cpu.system", Unit.PERCENT, os.containsKey("CpuLoad") ? os.get("CpuLoad") : os.get("SystemCpuLoad"), 100);

        plain(out, "classes.loaded", Unit.COUNT, attributes(c, CLASSES, "LoadedClassCount").get("LoadedClassCount"), 1);
        return out;
    }

    /** The increase of a cumulative counter since the first sample; a counter that went down means a restarted JVM. */
    private double increase(String key, double raw) {
        double[] s = gc.get(key);
        if (s == null) {
            gc.put(key, new double[] {raw, 0});
            return 0;
        }
        s[1] += raw >= s[0] ? raw - s[0] : raw;
        s[0] = raw;
        return s[1];
    }

    private static Map<String, Object> attributes(MBeanServerConnection c, ObjectName mbean, String... names) throws IOException {
        Map<String, Object> out = new HashMap<>();
        try {
            AttributeList list = c.getAttributes(mbean, names);
            for (Attribute a : list.asList()) {
                out.put(a.getName(), a.getValue());
            }
        } catch (JMException e) {
            // this JVM has no such MBean: its counters are left out
        }
        return out;
    }

    private static void memory(List<Reading> out, String pool, Object usage) {
        if (usage instanceof CompositeData cd) {
            for (String k : List.of("used", "committed", "max")) {
                if (cd.containsKey(k) && cd.get(k) instanceof Number n && n.longValue() >= 0) {
                    out.add(new Reading(PREFIX + pool + "." + k, Unit.BYTES,
                            k.equals("used") ? Direction.LOWER_IS_BETTER : Direction.NEUTRAL, n.doubleValue()));
                }
            }
        }
    }

    private static void plain(List<Reading> out, String name, Unit unit, Object value, double factor) {
        if (value instanceof Number n && n.doubleValue() >= 0) {
            String key = PREFIX + name;
            out.add(new Reading(key, unit, direction(key), n.doubleValue() * factor));
        }
    }
}
