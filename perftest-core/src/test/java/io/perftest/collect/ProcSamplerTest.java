package io.perftest.collect;

import io.perftest.ingest.ParseResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.perftest.model.Series;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

public class ProcSamplerTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String DIR = "proc_two_snapshots/";

    private static ProcSampler.Snapshot snapshot(double time, String suffix) throws Exception {
        ProcFiles.Task sleep = ProcFiles.task(Fixtures.text(DIR + "pid_stat_sleep.txt"));
        long rss = ProcFiles.rssKb(Fixtures.text(DIR + "pid_status_sleep.txt"));
        return new ProcSampler.Snapshot(time, ProcFiles.stat(Fixtures.text(DIR + "stat_" + suffix + ".txt")),
                ProcFiles.meminfo(Fixtures.text(DIR + "meminfo.txt")), ProcFiles.loadavg(Fixtures.text(DIR + "loadavg.txt")),
                ProcFiles.diskstats(Fixtures.text(DIR + "diskstats_" + suffix + ".txt")),
                ProcFiles.netdev(Fixtures.text(DIR + "net_dev_" + suffix + ".txt")),
                Map.of(sleep.pid(), sleep), Map.of(sleep.pid(), rss), Map.of(sleep.pid(), sleep), Map.of(sleep.pid(), rss));
    }

    @Test
    public void shouldComputeCpuSharesFromTheTicksBetweenTwoRecordedSnapshots() throws Exception {
        ProcSampler sampler = new ProcSampler("proc", 100);
        SeriesTable table = new SeriesTable();

        Map<String, Double> first = sampler.sample(snapshot(1000, "t0"), table);
        Map<String, Double> row = sampler.sample(snapshot(1001, "t1"), table);

        assertTrue("the first snapshot is the baseline", first.isEmpty());
        long[] t0 = ticks(Fixtures.text(DIR + "stat_t0.txt"));
        long[] t1 = ticks(Fixtures.text(DIR + "stat_t1.txt"));
        long total = 0;
        for (int i = 0; i < 8; i++) {
            total += t1[i] - t0[i];
        }
        assertEquals(100.0 * (t1[0] - t0[0]) / total, row.get("proc.cpu.all.user"), 1e-9);
        assertEquals(100.0 * (t1[3] - t0[3]) / total, row.get("proc.cpu.all.idle"), 1e-9);
        double sum = 0;
        for (String s : new String[] {"user", "nice", "system", "iowait", "steal", "irq", "soft", "idle"}) {
            sum += row.get("proc.cpu.all." + s);
        }
        assertEquals(100, sum, 1e-9);
        assertNotNull(row.get("proc.cpu.1.system"));
    }

    @Test
    public void shouldNameMemoryLoadDiskAndNetworkLikeSar() throws Exception {
        ProcSampler sampler = new ProcSampler("proc", 100);
        SeriesTable table = new SeriesTable();
        sampler.sample(snapshot(1000, "t0"), table);
        Map<String, Double> row = sampler.sample(snapshot(1002, "t1"), table);

        Map<String, Long> mem = ProcFiles.meminfo(Fixtures.text(DIR + "meminfo.txt"));
        long used = mem.get("MemTotal") - mem.get("MemFree") - mem.get("Buffers") - mem.get("Cached") - mem.get("Slab");
        assertEquals(100.0 * used / mem.get("MemTotal"), row.get("proc.mem.used_pct"), 1e-9);
        assertEquals(Double.parseDouble(Fixtures.text(DIR + "loadavg.txt").split(" ")[0]), row.get("proc.load.1"), 1e-9);
        ProcFiles.Nic n0 = ProcFiles.netdev(Fixtures.text(DIR + "net_dev_t0.txt")).get("eth0");
        ProcFiles.Nic n1 = ProcFiles.netdev(Fixtures.text(DIR + "net_dev_t1.txt")).get("eth0");
        assertEquals((n1.rxBytes() - n0.rxBytes()) / 1024.0 / 2, row.get("proc.net.eth0.rx_kBps"), 1e-9);
        assertTrue(row.containsKey("proc.disk.vda.util"));
        assertTrue("loop devices are left out", row.keySet().stream().noneMatch(k -> k.startsWith("proc.disk.loop")));
    }

    @Test
    public void shouldReportTheNamedProcessByItsCommandWithRssAndThreads() throws Exception {
        ProcSampler sampler = new ProcSampler("proc", 100);
        SeriesTable table = new SeriesTable();
        sampler.sample(snapshot(1000, "t0"), table);
        Map<String, Double> row = sampler.sample(snapshot(1001, "t1"), table);

        assertEquals(ProcFiles.rssKb(Fixtures.text(DIR + "pid_status_sleep.txt")), row.get("proc.process.sleep.rss"), 0);
        assertEquals(1, row.get("proc.process.sleep.threads"), 0);
        assertEquals(0, row.get("proc.process.sleep.cpu"), 0);
        assertEquals(1, row.get("proc.script.processes"), 0);
    }

    @Test
    public void shouldWriteAndReadBackTheTableAndReportARowCutShort() throws Exception {
        ProcSampler sampler = new ProcSampler("proc", 100);
        SeriesTable table = new SeriesTable();
        sampler.sample(snapshot(1000, "t0"), table);
        sampler.sample(snapshot(1001, "t1"), table);
        sampler.sample(snapshot(1002, "t0"), table);
        String csv = new String(table.toCsv(), java.nio.charset.StandardCharsets.UTF_8);
        Path whole = Files.writeString(tmp.getRoot().toPath().resolve("proc.csv"), csv);
        Path cut = Files.writeString(tmp.getRoot().toPath().resolve("cut.csv"), csv.substring(0, csv.length() - 20));

        ParseResult all = SeriesTable.readCsv(whole, "proc/proc.csv", ProcCollector::direction);
        ParseResult some = SeriesTable.readCsv(cut, "proc/proc.csv", ProcCollector::direction);

        assertTrue(all.problems().isEmpty());
        assertEquals(2, SadfJsonParserTest.series(all, "proc.mem.used_pct").size());
        List<Series> written = table.toResult("").series();
        assertEquals(written.stream().map(Series::key).toList(), all.series().stream().map(Series::key).toList());
        for (int i = 0; i < written.size(); i++) {
            assertArrayEquals(written.get(i).values(), all.series().get(i).values(), 1e-6);
        }
        assertEquals(1, SadfJsonParserTest.series(some, "proc.mem.used_pct").size());
        assertTrue(some.problems().get(0).toString(), some.problems().get(0).toString().startsWith("proc/proc.csv:3"));
    }

    /** user nice system idle iowait irq softirq steal of the "cpu" line. */
    private static long[] ticks(String stat) {
        String[] f = stat.lines().findFirst().orElseThrow().trim().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
            v[i] = Long.parseLong(f[i + 1]);
        }
        return v;
    }
}
