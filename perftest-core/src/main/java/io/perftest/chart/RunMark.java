package io.perftest.chart;

/** How a run ended, as a trend chart marks it: passed runs plainly, unstable and failed runs with their own symbol. */
public enum RunMark {
    PASSED,
    UNSTABLE,
    FAILED
}
