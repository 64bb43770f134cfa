package io.perftest.chart;

/** A horizontal threshold line on a trend chart: its value in the metric's unit and its label (the expression). */
public record ThresholdLine(String label, double value) {
}
