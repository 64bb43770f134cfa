package io.perftest.collect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsers of the Linux {@code /proc} files the proc collector samples. Each takes the file's
 * text and returns the counters it holds; lines it does not understand are skipped.
 */
final class ProcFiles {

    private ProcFiles() {
    }

    /** CPU time of one line of /proc/stat, in clock ticks. */
    record CpuTicks(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {
        long total() {
            return user + nice + system + idle + iowait + irq + softirq + steal;
        }
    }

    /** /proc/stat: CPU ticks by CPU ({@code all}, {@code 0}, ...), context switches, forks, runnable and blocked tasks. */
    record Stat(Map<String, CpuTicks> cpus, long contextSwitches, long processes, long running, long blocked) {
    }

    static Stat stat(String text) {
        Map<String, CpuTicks> cpus = new LinkedHashMap<>();
        long ctxt = -1;
        long processes = -1;
        long running = -1;
        long blocked = -1;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 0) {
                continue;
            }
            if (f[0].startsWith("cpu") && f.length >= 5) {
                String name = f[0].equals("cpu") ? "all" : f[0].substring(3);
                long[] v = new long[8];
                for (int i = 0; i < 8 && i + 1 < f.length; i++) {
                    v[i] = parse(f[i + 1]);
                }
                // user and nice include guest time: /proc/stat counts it in both
                cpus.put(name, new CpuTicks(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
            } else if (f.length >= 2) {
                switch (f[0]) {
                    case "ctxt" -> ctxt = parse(f[1]);
                    case "processes" -> processes = parse(f[1]);
                    case "procs_running" -> running = parse(f[1]);
                    case "procs_blocked" -> blocked = parse(f[1]);
                    default -> { }
                }
            }
        }
        return new Stat(cpus, ctxt, processes, running, blocked);
    }

    /** /proc/meminfo: values in kB by name ({@code MemTotal}, ...). */
    static Map<String, Long> meminfo(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                long v = parse(f[0]);
                if (v >= 0) {
                    out.put(line.substring(0, colon).trim(), v);
                }
            }
        }
        return out;
    }

    /** /proc/loadavg: load 1, 5, 15 minutes, runnable tasks, all tasks. */
    record Load(double one, double five, double fifteen, long runnable, long tasks) {
    }

    static Load loadavg(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length < 4) {
            return null;
        }
        String[] rq = f[3].split("/");
        try {
            return new Load(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    parse(rq[0]), rq.length > 1 ? parse(rq[1]) : -1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One device of /proc/diskstats: completed reads and writes, sectors, ms spent, ms busy, weighted ms. */
    record Disk(long reads, long readSectors, long readMs, long writes, long writeSectors, long writeMs, long busyMs,
                long weightedMs) {
    }

    static Map<String, Disk> diskstats(String text) {
        Map<String, Disk> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 14) {
                continue;
            }
            out.put(f[2], new Disk(parse(f[3]), parse(f[5]), parse(f[6]), parse(f[7]), parse(f[9]), parse(f[10]),
                    parse(f[12]), parse(f[13])));
        }
        return out;
    }

    /** Whether a /proc/diskstats name is a whole disk worth reporting (not a partition, a loop or a RAM device). */
    static boolean isWholeDisk(String name) {
        if (name.startsWith("loop") || name.startsWith("ram")) {
            return false;
        }
        return !name.matches("(sd|vd|xvd|hd)[a-z]+\\d+|nvme\\d+n\\d+p\\d+|mmcblk\\d+p\\d+");
    }

    /** One interface of /proc/net/dev: bytes, packets, errors and drops received and sent. */
    record Nic(long rxBytes, long rxPackets, long rxErrors, long rxDrops, long txBytes, long txPackets, long txErrors,
               long txDrops) {
    }

    static Map<String, Nic> netdev(String text) {
        Map<String, Nic> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.contains("|")) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length < 12) {
                continue;
            }
            out.put(line.substring(0, colon).trim(), new Nic(parse(f[0]), parse(f[1]), parse(f[2]), parse(f[3]),
                    parse(f[8]), parse(f[9]), parse(f[10]), parse(f[11])));
        }
        return out;
    }

    /** /proc/PID/stat: command name, parent, CPU ticks (own and of waited-for children), threads. */
    record Task(long pid, String comm, long ppid, long utime, long stime, long cutime, long cstime, long threads) {
        /** CPU ticks of the process and of the children it has reaped. */
        long cpuTicks() {
            return utime + stime + cutime + cstime;
        }
    }

    static Task task(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String[] f = text.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state): field n is f[n - 3]
        if (f.length < 18) {
            return null;
        }
        long pid = parse(text.substring(0, open).trim());
        return new Task(pid, text.substring(open + 1, close), parse(f[1]), parse(f[11]), parse(f[12]), parse(f[13]),
                parse(f[14]), parse(f[17]));
    }

    /** The resident set size in kB from /proc/PID/status ({@code VmRSS}); -1 when absent (a kernel thread, a zombie). */
    static long rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return parse(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
