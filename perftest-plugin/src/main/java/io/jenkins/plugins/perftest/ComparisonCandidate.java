package io.jenkins.plugins.perftest;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * A build the build page offers to compare with ("compare with..."): the recent builds of the
 * same job with perftest results, and those of the other jobs of its framework folders.
 *
 * @param ref   the build as the compare URL names it ({@code 12}, {@code web/udp:12})
 * @param label what the selector shows ({@code #12}, {@code web/udp #12})
 */
public record ComparisonCandidate(String ref, String label) {

    /** How many builds of each job are offered. */
    static final int PER_JOB = 20;

    static List<ComparisonCandidate> around(Run<?, ?> run, String test) {
        Job<?, ?> job = run.getParent();
        List<ComparisonCandidate> out = new ArrayList<>();
        offer(job, job, run, out);
        List<Job<?, ?>> seen = new ArrayList<>(List.of(job));
        for (String name : FrameworkDefaults.of(job).getFolders()) {
            AbstractFolder<?> folder = Jenkins.get().getItemByFullName(name, AbstractFolder.class);
            if (folder == null) {
                continue;
            }
            for (Job<?, ?> other : folder.getAllJobs()) {
                if (!seen.contains(other) && other.hasPermission(Item.READ)) {
                    seen.add(other);
                    offer(job, other, run, out);
                }
            }
        }
        return out;
    }

    private static void offer(Job<?, ?> pageJob, Job<?, ?> job, Run<?, ?> self, List<ComparisonCandidate> out) {
        for (Run<?, ?> r : job.getBuilds().limit(PER_JOB)) {
            if (r != self && r.getAction(PerfTestBuildAction.class) != null) {
                String ref = BuildRef.of(pageJob, r);
                out.add(new ComparisonCandidate(ref, r.getParent() == pageJob ? r.getDisplayName() : r.getFullDisplayName()));
            }
        }
    }
}
