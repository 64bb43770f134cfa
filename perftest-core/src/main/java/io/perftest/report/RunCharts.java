package io.perftest.report;

import io.perftest.chart.ChartEvent;
import io.perftest.chart.HostSeries;
import io.perftest.chart.TimeSeriesData;
import io.perftest.model.Series;
import io.perftest.model.TriggerFiring;
import io.perftest.store.RunRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's series into time-series chart data: one chart per series key with every host on
 * it, times shifted to seconds since the test's start (the run-test stage), the test's end and the
 * trigger firings marked.
 */
public final class RunCharts {

    private RunCharts() {
    }

    /** One chart's data per series key of a run (the Jenkins build page draws the same). */
    public static List<TimeSeriesData> timeSeries(RunRecord record, List<Series> series) {
        Instant testStart = testStart(record);
        double startEpoch = testStart == null ? Double.NaN : testStart.toEpochMilli() / 1000.0;
        double testEnd = testEnd(record, testStart);
        List<ChartEvent> events = new ArrayList<>();
        for (TriggerFiring f : record.triggers()) {
            if (Double.isFinite(startEpoch)) {
                events.add(new ChartEvent(f.atMillis() / 1000.0 - startEpoch, f.condition()));
            }
        }
        Map<String, List<Series>> byKey = new LinkedHashMap<>();
        for (Series s : series) {
            byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
        }
        List<TimeSeriesData> out = new ArrayList<>();
        for (Map.Entry<String, List<Series>> e : byKey.entrySet()) {
            List<HostSeries> hosts = new ArrayList<>();
            boolean anyEpoch = false;
            for (Series s : e.getValue()) {
                double[] t = s.times();
                if (s.epoch()) {
                    anyEpoch = true;
                    if (!Double.isFinite(startEpoch)) {
                        double first = t.length > 0 ? t[0] : 0;
                        shift(t, first);
                    } else {
                        shift(t, startEpoch);
                    }
                }
                hosts.add(new HostSeries(s.host(), t, s.values()));
            }
            String unit = e.getValue().get(0).unit().symbol();
            // series timed from the script's own start (multicol elapsed seconds) already count from the test start
            List<ChartEvent> ev = Double.isFinite(startEpoch) ? events : List.of();
            out.add(new TimeSeriesData(e.getKey(), e.getKey(), unit, hosts, anyEpoch || Double.isFinite(testEnd) ? 0 : Double.NaN,
                    testEnd, ev));
        }
        return out;
    }

    private static void shift(double[] t, double by) {
        for (int i = 0; i < t.length; i++) {
            t[i] -= by;
        }
    }

    static Instant testStart(RunRecord record) {
        for (RunRecord.StageTiming s : record.stages()) {
            if ("run-test".equals(s.stage()) && s.startedAt() != null) {
                return s.startedAt();
            }
        }
        return record.startedAt();
    }

    private static double testEnd(RunRecord record, Instant start) {
        for (RunRecord.StageTiming s : record.stages()) {
            if ("run-test".equals(s.stage()) && s.startedAt() != null && start != null) {
                return (s.startedAt().toEpochMilli() + s.durationMillis() - start.toEpochMilli()) / 1000.0;
            }
        }
        return Double.NaN;
    }
}
