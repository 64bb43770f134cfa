package io.perftest.report;

import io.perftest.model.RunSummary;
import io.perftest.store.AtomicFiles;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The page comparing two runs ({@code perftest compare A B --html FILE}): both runs' status and
 * verdict, what differs in their parameters and hosts, and every metric baseline against candidate
 * with the change, its significance and a chart (regressions in the warning colour), plus the
 * latency percentiles of both. One self-contained HTML file.
 */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    /** Writes the comparison of {@code candidate} against {@code baseline} to {@code out}. */
    public static void write(RunDirectory baseline, RunDirectory candidate, Path out) throws IOException {
        String html = render(baseline, candidate);
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, html.getBytes(StandardCharsets.UTF_8));
    }

    public static String render(RunDirectory baseline, RunDirectory candidate) throws IOException {
        RunRecord a = baseline.readRecord();
        RunRecord b = candidate.readRecord();
        String aLabel = "baseline #" + a.number();
        String bLabel = "candidate #" + b.number();
        if (a.number() == b.number()) {
            aLabel = "baseline " + a.test() + " #" + a.number();
            bLabel = "candidate " + b.test() + " #" + b.number();
        }
        String title = name(b) + " against " + name(a);
        Html html = new Html("perftest: " + title);
        html.h1(title);
        html.h2("Runs", "runs");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(aLabel, a, baseline));
        rows.add(row(bLabel, b, candidate));
        html.table(List.of("", "run", "status", "verdict", "started", "directory"), rows);
        differences(html, a, b);
        html.h2("Metrics", "metrics");
        ComparisonSection.append(html, baseline.readSummary().orElse(RunSummary.empty()),
                candidate.readSummary().orElse(RunSummary.empty()), aLabel, bLabel);
        return html.finish("perftest comparison of " + a.id() + " and " + b.id() + ", written " + Instant.now());
    }

    private static String name(RunRecord r) {
        return r.framework() + " / " + r.test() + " #" + r.number();
    }

    private static List<Object> row(String label, RunRecord r, RunDirectory dir) {
        return List.of(label, String.valueOf(r.id()), r.status() == null ? "" : r.status().name().toLowerCase(Locale.ROOT),
                r.verdict() == null ? "" : r.verdict().name().toLowerCase(Locale.ROOT),
                r.startedAt() == null ? "" : r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), dir.path().toString());
    }

    /** Parameters, script and host facts that differ between the runs: the first suspects of a change. */
    private static void differences(Html html, RunRecord a, RunRecord b) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, String> pa = a.spec() == null || a.spec().parameters() == null ? Map.of() : a.spec().parameters();
        Map<String, String> pb = b.spec() == null || b.spec().parameters() == null ? Map.of() : b.spec().parameters();
        TreeSet<String> keys = new TreeSet<>(pa.keySet());
        keys.addAll(pb.keySet());
        for (String k : keys) {
            if (!String.valueOf(pa.get(k)).equals(String.valueOf(pb.get(k)))) {
                rows.add(List.of("parameter " + k, String.valueOf(pa.get(k)), String.valueOf(pb.get(k))));
            }
        }
        String sa = a.provenance() == null ? null : a.provenance().scriptSha256();
        String sb = b.provenance() == null ? null : b.provenance().scriptSha256();
        if (!String.valueOf(sa).equals(String.valueOf(sb))) {
            rows.add(List.of("script sha-256", String.valueOf(sa), String.valueOf(sb)));
        }
        Map<String, Map<String, String>> ha = a.provenance() == null || a.provenance().hosts() == null ? Map.of() : a.provenance().hosts();
        Map<String, Map<String, String>> hb = b.provenance() == null || b.provenance().hosts() == null ? Map.of() : b.provenance().hosts();
        TreeSet<String> hosts = new TreeSet<>(ha.keySet());
        hosts.addAll(hb.keySet());
        for (String h : hosts) {
            Map<String, String> fa = ha.getOrDefault(h, Map.of());
            Map<String, String> fb = hb.getOrDefault(h, Map.of());
            TreeSet<String> facts = new TreeSet<>(fa.keySet());
            facts.addAll(fb.keySet());
            for (String f : facts) {
                if (!String.valueOf(fa.get(f)).equals(String.valueOf(fb.get(f)))) {
                    rows.add(List.of("host " + h + " " + f, String.valueOf(fa.get(f)), String.valueOf(fb.get(f))));
                }
            }
        }
        html.h2("What differs", "differences");
        if (rows.isEmpty()) {
            html.p("muted", "Same parameters, script and host facts.");
        } else {
            html.table(List.of("", "baseline", "candidate"), rows);
        }
    }
}
