package io.perftest.run;

/** The lifecycle stages of a run, in order. Stop monitors, Collect and Cleanup run whatever happened before. */
public enum Stage {
    SETUP("setup"),
    START_MONITORS("start-monitors"),
    RUN_TEST("run-test"),
    STOP_MONITORS("stop-monitors"),
    COLLECT("collect"),
    COLLATE("collate"),
    CLEANUP("cleanup");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
