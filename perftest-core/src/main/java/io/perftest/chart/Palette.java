package io.perftest.chart;

import java.awt.Color;
import java.util.List;

/**
 * The colours of every chart: the Okabe-Ito palette, distinguishable with the common forms of
 * colour blindness. Series take {@link #series(int)} in turn; {@link #WARNING} (vermillion) is
 * kept for regressions, failures and trigger firings and is never a series colour.
 */
public final class Palette {

    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

    /** Regressions, failed runs, trigger firings. */
    public static final Color WARNING = VERMILLION;
    /** Unstable runs. */
    public static final Color CAUTION = ORANGE;
    /** Grid lines. */
    public static final Color GRID = new Color(0xD0D0D0);

    private static final List<Color> SERIES = List.of(BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW);

    private Palette() {
    }

    /** The colour of the {@code index}-th series (0-based); repeats after seven. */
    public static Color series(int index) {
        return SERIES.get(Math.floorMod(index, SERIES.size()));
    }

    /** {@code colour} with the given opacity (0..255), for bands and clouds of points. */
    public static Color translucent(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    /** {@code #rrggbb}, for the HTML reports' legend swatches. */
    public static String hex(Color colour) {
        return String.format("#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }
}
