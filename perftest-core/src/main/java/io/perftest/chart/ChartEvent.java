package io.perftest.chart;

/** Something that happened at a moment of a run, drawn as a labelled vertical line: a trigger firing. Time in seconds since the test's start. */
public record ChartEvent(double time, String label) {
}
