package io.perftest.report;

import io.perftest.chart.ChartImages;
import io.perftest.chart.ChartSize;
import io.perftest.chart.ComparisonChart;
import io.perftest.chart.ComparisonRow;
import io.perftest.chart.Percentages;
import io.perftest.chart.PercentileChart;
import io.perftest.chart.PercentileCurve;
import io.perftest.model.Metric;
import io.perftest.model.RunSummary;
import io.perftest.model.Unit;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The comparison of two runs as a table and charts, shared by the run report and the comparison report. */
final class ComparisonSection {

    private ComparisonSection() {
    }

    static void append(Html html, RunSummary baseline, RunSummary candidate, String baselineLabel, String candidateLabel) {
        List<MetricChange> changes = MetricChange.compare(baseline, candidate);
        long worse = changes.stream().filter(MetricChange::regression).count();
        long better = changes.stream().filter(c -> c.change() == MetricChange.Change.BETTER).count();
        html.p(worse + " metric(s) worse, " + better + " better, " + (changes.size() - worse - better)
                + " unchanged or not comparable. Verdicts as perftest compare gives them: the ratio of medians with a 95%"
                + " bootstrap interval, Mann-Whitney U adjusted across the run's metrics (q, Benjamini-Hochberg), and a"
                + " 2% noise threshold; with one sample a side, the plain ratio against the noise threshold."
                + " Bars: 95% confidence interval of the mean (with two or more samples).");
        List<List<Object>> rows = new ArrayList<>();
        List<ComparisonRow> chartRows = MetricChange.chartRows(changes);
        for (MetricChange c : changes) {
            rows.add(List.of(c.key(), Html.Cell.number(Figures.withUnit(c.baseline(), c.unit())),
                    Html.Cell.number(Figures.withUnit(c.candidate(), c.unit())),
                    Html.Cell.number(Percentages.signed(c.relativeChange())), Html.Cell.number(Figures.pValue(c.pValue())),
                    new Html.Cell(label(c.change()), c.change() == MetricChange.Change.WORSE ? "worse"
                            : c.change() == MetricChange.Change.BETTER ? "better" : "")));
        }
        html.table(List.of("metric", baselineLabel, candidateLabel, "change", "q", "verdict"), rows);
        int parts = (chartRows.size() + ChartSize.MAX_ROWS - 1) / ChartSize.MAX_ROWS;
        for (int i = 0; i < parts; i++) {
            List<ComparisonRow> part = chartRows.subList(i * ChartSize.MAX_ROWS,
                    Math.min(chartRows.size(), (i + 1) * ChartSize.MAX_ROWS));
            String title = candidateLabel + " against " + baselineLabel + (parts > 1 ? " (" + (i + 1) + " of " + parts + ")" : "");
            ChartSize size = ChartSize.forRows(part.size());
            JFreeChart chart = ComparisonChart.create(title, baselineLabel, candidateLabel, part);
            html.png(ChartImages.png(chart, size), title, size.width(), size.height());
        }
        Optional<String> family = PercentileMetrics.commonFamily(baseline, candidate);
        if (family.isPresent()) {
            TreeMap<Double, Metric> b = PercentileMetrics.families(baseline).get(family.get());
            TreeMap<Double, Metric> c = PercentileMetrics.families(candidate).get(family.get());
            Unit unit = b.firstEntry().getValue().unit();
            List<PercentileCurve> curves = List.of(PercentileMetrics.curve(baselineLabel, b, unit),
                    PercentileMetrics.curve(candidateLabel, c, unit));
            String name = family.get().isEmpty() ? "latency" : family.get();
            String title = "Percentiles of " + name;
            JFreeChart chart = PercentileChart.create(title, name, unit.symbol(), curves);
            html.png(ChartImages.png(chart, ChartSize.STANDARD), title, ChartSize.WIDTH, ChartSize.HEIGHT);
        }
    }

    private static String label(MetricChange.Change c) {
        return switch (c) {
            case BETTER -> "better";
            case WORSE -> "worse";
            case SAME -> "no change";
            case ONLY_IN_BASELINE -> "only in baseline";
            case ONLY_IN_CANDIDATE -> "only in candidate";
        };
    }
}
