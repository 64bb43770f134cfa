package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds {@link PerfTestJobAction} to jobs whose recent builds have perftest results. A
 * {@code TransientActionFactory} rather than {@code SimpleBuildStep.LastBuildAction}, which only
 * looks at the last successful build: a job whose latest performance runs failed would lose
 * its trend exactly when it matters.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class PerfTestJobActionFactory extends TransientActionFactory<Job> {

    /** How many of the latest builds are looked at to decide whether a job has results. */
    private static final int LOOK_BACK = 10;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        for (Run<?, ?> r : job.getBuilds().limit(LOOK_BACK)) {
            if (r.getAction(PerfTestBuildAction.class) != null) {
                return List.of(new PerfTestJobAction(job));
            }
        }
        return List.of();
    }
}
