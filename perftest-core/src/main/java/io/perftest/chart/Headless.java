package io.perftest.chart;

/** Puts AWT in headless mode before any chart class touches it, so rendering never needs a display. */
final class Headless {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Headless() {
    }

    /** Runs the static initialiser (once). */
    static void ensure() {
        // the work is done by the static initialiser
    }
}
