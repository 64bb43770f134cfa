package io.perftest.collect;

import io.perftest.model.Direction;
import io.perftest.model.MetricKey;
import io.perftest.model.Unit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns successive {@link Snapshot}s of {@code /proc} into rows of a {@link SeriesTable}: CPU
 * shares, memory, load, disk and network rates (named as sar names them, under {@code proc.}),
 * and the CPU, memory and threads of the script's process tree and of the named processes.
 * Rates need two snapshots, so the first one is only the baseline (as with sar).
 */
final class ProcSampler {

    /** What was read at one instant; any part may be null when its file could not be read. */
    record Snapshot(double time, ProcFiles.Stat stat, Map<String, Long> meminfo, ProcFiles.Load load,
                    Map<String, ProcFiles.Disk> disks, Map<String, ProcFiles.Nic> nics,
                    Map<Long, ProcFiles.Task> tree, Map<Long, Long> treeRss,
                    Map<Long, ProcFiles.Task> named, Map<Long, Long> namedRss) {
    }

    private static final Unit PCT = Unit.PERCENT;
    private final String prefix;
    private final double ticksPerSecond;
    private final Map<Long, String> names = new HashMap<>();
    private final Set<String> usedNames = new HashSet<>();
    private Snapshot previous;

    ProcSampler(String prefix, double ticksPerSecond) {
        this.prefix = prefix;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Adds a row for {@code now} (unless it is the first snapshot) and returns its values by key. */
    Map<String, Double> sample(Snapshot now, SeriesTable table) {
        Snapshot before = previous;
        previous = now;
        Map<String, Double> row = new LinkedHashMap<>();
        if (before == null) {
            return row;
        }
        double dt = now.time() - before.time();
        if (dt <= 0) {
            return row;
        }
        table.startRow(now.time());
        Row r = new Row(table, row);
        cpu(before, now, dt, r);
        memory(now, r);
        disks(before, now, dt, r);
        nics(before, now, dt, r);
        processes(before, now, dt, r);
        return row;
    }

    /** A row being filled: into the table and into the latest values. */
    private final class Row {
        final SeriesTable table;
        final Map<String, Double> values;

        Row(SeriesTable table, Map<String, Double> values) {
            this.table = table;
            this.values = values;
        }

        void put(String name, Unit unit, Direction direction, double value) {
            if (Double.isFinite(value)) {
                table.put(prefix + "." + name, unit, direction, value);
                values.put(prefix + "." + name, value);
            }
        }
    }

    private static void cpu(Snapshot a, Snapshot b, double dt, Row r) {
        if (a.stat() == null || b.stat() == null) {
            return;
        }
        b.stat().cpus().forEach((name, t1) -> {
            ProcFiles.CpuTicks t0 = a.stat().cpus().get(name);
            if (t0 == null) {
                return;
            }
            double total = t1.total() - t0.total();
            if (total <= 0) {
                return;
            }
            String cpu = "cpu." + name;
            r.put(cpu + ".user", PCT, Direction.LOWER_IS_BETTER, 100 * (t1.user() - t0.user()) / total);
            r.put(cpu + ".nice", PCT, Direction.LOWER_IS_BETTER, 100 * (t1.nice() - t0.nice()) / total);
            r.put(cpu + ".system", PCT, Direction.LOWER_IS_BETTER, 100 * (t1.system() - t0.system()) / total);
            r.put(cpu + ".iowait", PCT, Direction.LOWER_IS_BETTER, 100 * (t1.iowait() - t0.iowait()) / total);
            r.put(cpu + ".steal", PCT, Direction.LOWER_IS_BETTER, 100 * (t1.steal() - t0.steal()) / total);
            r.put(cpu + ".irq", PCT, Direction.LOWER_IS_BETTER, 100 * (t1.irq() - t0.irq()) / total);
            r.put(cpu + ".soft", PCT, Direction.LOWER_IS_BETTER, 100 * (t1.softirq() - t0.softirq()) / total);
            r.put(cpu + ".idle", PCT, Direction.HIGHER_IS_BETTER, 100 * (t1.idle() - t0.idle()) / total);
        });
        if (a.stat().contextSwitches() >= 0 && b.stat().contextSwitches() >= 0) {
            r.put("context_switches", Unit.PER_SECOND, Direction.LOWER_IS_BETTER,
                    (b.stat().contextSwitches() - a.stat().contextSwitches()) / dt);
        }
        if (a.stat().processes() >= 0 && b.stat().processes() >= 0) {
            r.put("processes_created", Unit.PER_SECOND, Direction.NEUTRAL, (b.stat().processes() - a.stat().processes()) / dt);
        }
        if (b.stat().blocked() >= 0) {
            r.put("load.blocked", Unit.COUNT, Direction.LOWER_IS_BETTER, b.stat().blocked());
        }
    }

    private static void memory(Snapshot b, Row r) {
        Map<String, Long> m = b.meminfo();
        if (m != null && m.containsKey("MemTotal") && m.containsKey("MemFree")) {
            long total = m.get("MemTotal");
            long free = m.get("MemFree");
            long buffers = m.getOrDefault("Buffers", 0L);
            long cached = m.getOrDefault("Cached", 0L);
            long slab = m.getOrDefault("Slab", 0L);
            // as sysstat computes kbmemused: total - free - buffers - cached - slab
            long used = total - free - buffers - cached - slab;
            r.put("mem.free", Unit.KILOBYTES, Direction.HIGHER_IS_BETTER, free);
            if (m.containsKey("MemAvailable")) {
                r.put("mem.avail", Unit.KILOBYTES, Direction.HIGHER_IS_BETTER, m.get("MemAvailable"));
            }
            r.put("mem.used", Unit.KILOBYTES, Direction.LOWER_IS_BETTER, used);
            r.put("mem.used_pct", PCT, Direction.LOWER_IS_BETTER, total > 0 ? 100.0 * used / total : Double.NaN);
            r.put("mem.buffers", Unit.KILOBYTES, Direction.NEUTRAL, buffers);
            r.put("mem.cached", Unit.KILOBYTES, Direction.NEUTRAL, cached);
            r.put("mem.dirty", Unit.KILOBYTES, Direction.NEUTRAL, m.getOrDefault("Dirty", 0L));
            long swapTotal = m.getOrDefault("SwapTotal", 0L);
            long swapUsed = swapTotal - m.getOrDefault("SwapFree", 0L);
            r.put("swap.used", Unit.KILOBYTES, Direction.LOWER_IS_BETTER, swapUsed);
            r.put("swap.used_pct", PCT, Direction.LOWER_IS_BETTER, swapTotal > 0 ? 100.0 * swapUsed / swapTotal : 0);
        }
        ProcFiles.Load l = b.load();
        if (l != null) {
            r.put("load.1", Unit.NONE, Direction.LOWER_IS_BETTER, l.one());
            r.put("load.5", Unit.NONE, Direction.LOWER_IS_BETTER, l.five());
            r.put("load.15", Unit.NONE, Direction.LOWER_IS_BETTER, l.fifteen());
            r.put("load.runq", Unit.COUNT, Direction.LOWER_IS_BETTER, l.runnable());
            if (l.tasks() >= 0) {
                r.put("load.plist", Unit.COUNT, Direction.NEUTRAL, l.tasks());
            }
        }
    }

    private static void disks(Snapshot a, Snapshot b, double dt, Row r) {
        if (a.disks() == null || b.disks() == null) {
            return;
        }
        b.disks().forEach((name, d1) -> {
            ProcFiles.Disk d0 = a.disks().get(name);
            if (d0 == null || !ProcFiles.isWholeDisk(name)) {
                return;
            }
            String disk = "disk." + MetricKey.part(name.strip());
            long ios = (d1.reads() - d0.reads()) + (d1.writes() - d0.writes());
            r.put(disk + ".tps", Unit.PER_SECOND, Direction.NEUTRAL, ios / dt);
            r.put(disk + ".read_kBps", Unit.KILOBYTES_PER_SECOND, Direction.NEUTRAL, (d1.readSectors() - d0.readSectors()) / 2.0 / dt);
            r.put(disk + ".write_kBps", Unit.KILOBYTES_PER_SECOND, Direction.NEUTRAL, (d1.writeSectors() - d0.writeSectors()) / 2.0 / dt);
            long ms = (d1.readMs() - d0.readMs()) + (d1.writeMs() - d0.writeMs());
            r.put(disk + ".await", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, ios > 0 ? (double) ms / ios : 0);
            r.put(disk + ".aqu_sz", Unit.NONE, Direction.LOWER_IS_BETTER, (d1.weightedMs() - d0.weightedMs()) / (dt * 1000));
            r.put(disk + ".util", PCT, Direction.LOWER_IS_BETTER, Math.min(100, (d1.busyMs() - d0.busyMs()) / (dt * 10)));
        });
    }

    private static void nics(Snapshot a, Snapshot b, double dt, Row r) {
        if (a.nics() == null || b.nics() == null) {
            return;
        }
        b.nics().forEach((name, n1) -> {
            ProcFiles.Nic n0 = a.nics().get(name);
            if (n0 == null) {
                return;
            }
            String nic = "net." + MetricKey.part(name.strip());
            r.put(nic + ".rx_kBps", Unit.KILOBYTES_PER_SECOND, Direction.NEUTRAL, (n1.rxBytes() - n0.rxBytes()) / 1024.0 / dt);
            r.put(nic + ".tx_kBps", Unit.KILOBYTES_PER_SECOND, Direction.NEUTRAL, (n1.txBytes() - n0.txBytes()) / 1024.0 / dt);
            r.put(nic + ".rx_pps", Unit.PER_SECOND, Direction.NEUTRAL, (n1.rxPackets() - n0.rxPackets()) / dt);
            r.put(nic + ".tx_pps", Unit.PER_SECOND, Direction.NEUTRAL, (n1.txPackets() - n0.txPackets()) / dt);
            r.put(nic + ".rx_errors", Unit.PER_SECOND, Direction.LOWER_IS_BETTER, (n1.rxErrors() - n0.rxErrors()) / dt);
            r.put(nic + ".tx_errors", Unit.PER_SECOND, Direction.LOWER_IS_BETTER, (n1.txErrors() - n0.txErrors()) / dt);
            r.put(nic + ".rx_drops", Unit.PER_SECOND, Direction.LOWER_IS_BETTER, (n1.rxDrops() - n0.rxDrops()) / dt);
            r.put(nic + ".tx_drops", Unit.PER_SECOND, Direction.LOWER_IS_BETTER, (n1.txDrops() - n0.txDrops()) / dt);
        });
    }

    private void processes(Snapshot a, Snapshot b, double dt, Row r) {
        if (b.tree() != null && !b.tree().isEmpty()) {
            // CPU of the tree: every live member's own ticks plus those of the children it reaped
            long ticks0 = a.tree() == null ? 0 : a.tree().values().stream().mapToLong(ProcFiles.Task::cpuTicks).sum();
            long ticks1 = b.tree().values().stream().mapToLong(ProcFiles.Task::cpuTicks).sum();
            if (a.tree() != null && !a.tree().isEmpty()) {
                r.put("script.cpu", PCT, Direction.LOWER_IS_BETTER, Math.max(0, 100 * (ticks1 - ticks0) / ticksPerSecond / dt));
            }
            r.put("script.rss", Unit.KILOBYTES, Direction.LOWER_IS_BETTER,
                    b.treeRss().values().stream().mapToLong(v -> Math.max(0, v)).sum());
            r.put("script.threads", Unit.COUNT, Direction.NEUTRAL, b.tree().values().stream().mapToLong(ProcFiles.Task::threads).sum());
            r.put("script.processes", Unit.COUNT, Direction.NEUTRAL, b.tree().size());
        }
        if (b.named() == null) {
            return;
        }
        b.named().forEach((pid, t1) -> {
            String name = "process." + nameOf(t1);
            ProcFiles.Task t0 = a.named() == null ? null : a.named().get(pid);
            if (t0 != null) {
                r.put(name + ".cpu", PCT, Direction.LOWER_IS_BETTER,
                        Math.max(0, 100 * ((t1.utime() + t1.stime()) - (t0.utime() + t0.stime())) / ticksPerSecond / dt));
            }
            Long rss = b.namedRss().get(pid);
            if (rss != null && rss >= 0) {
                r.put(name + ".rss", Unit.KILOBYTES, Direction.LOWER_IS_BETTER, rss);
            }
            r.put(name + ".threads", Unit.COUNT, Direction.NEUTRAL, t1.threads());
        });
    }

    /** A stable name per pid: its command, or command-pid when another pid has the same command. */
    private String nameOf(ProcFiles.Task t) {
        return names.computeIfAbsent(t.pid(), pid -> {
            String base = MetricKey.part(t.comm().strip().replaceAll("\\s+", "_").replace('.', '_'));
            String n = usedNames.contains(base) ? base + "-" + pid : base;
            usedNames.add(n);
            return n;
        });
    }
}
