package io.perftest.chart;

/**
 * The fixed size policy of the charts, in pixels. Every chart is {@value #WIDTH} px wide (readable
 * on a laptop screen and in an e-mail); trend and time-series charts are {@value #HEIGHT} px high;
 * charts with one row per metric grow by {@value #ROW_HEIGHT} px a row up to
 * {@value #MAX_ROWS} rows (callers split longer lists into several charts).
 */
public record ChartSize(int width, int height) {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 400;
    public static final int ROW_HEIGHT = 32;
    public static final int MAX_ROWS = 16;

    /** The size of trend, time-series and percentile charts. */
    public static final ChartSize STANDARD = new ChartSize(WIDTH, HEIGHT);

    public ChartSize {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("chart size " + width + "x" + height + " is outside 100..10000 px");
        }
    }

    /** The size of a chart with one row per metric. */
    public static ChartSize forRows(int rows) {
        int n = Math.max(1, Math.min(rows, MAX_ROWS));
        return new ChartSize(WIDTH, 140 + ROW_HEIGHT * n);
    }
}
