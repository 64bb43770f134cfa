package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import jenkins.model.Jenkins;

/**
 * A build named in a compare URL: {@code 12} (a build of the page's job) or
 * {@code web/tcp:12} (build 12 of the job {@code web/tcp}, which must share a framework folder
 * with the page's job). Item names cannot hold {@code :}, so the form is unambiguous. A job the
 * user may not read is not found, as Jenkins' own lookup answers.
 */
final class BuildRef {

    private BuildRef() {
    }

    /** The build {@code text} names, or null when there is none the current user may read. */
    @CheckForNull
    static Run<?, ?> resolve(Job<?, ?> pageJob, @CheckForNull String text) {
        String t = Util.fixEmptyAndTrim(text);
        if (t == null) {
            return null;
        }
        int colon = t.lastIndexOf(':');
        Job<?, ?> job = pageJob;
        if (colon >= 0) {
            job = Jenkins.get().getItemByFullName(t.substring(0, colon).trim(), Job.class);
            if (job == null || !job.hasPermission(Item.READ) || !sameFramework(pageJob, job)) {
                return null;
            }
        }
        try {
            return job.getBuildByNumber(Integer.parseInt(t.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How {@code run} is named from the page of {@code pageJob}. */
    static String of(Job<?, ?> pageJob, Run<?, ?> run) {
        return run.getParent() == pageJob ? String.valueOf(run.getNumber())
                : run.getParent().getFullName() + ":" + run.getNumber();
    }

    /** Whether two jobs share a framework folder (the A/B of two configurations of one framework). */
    static boolean sameFramework(Job<?, ?> a, Job<?, ?> b) {
        if (a == b) {
            return true;
        }
        return FrameworkDefaults.of(a).getFolders().stream().anyMatch(FrameworkDefaults.of(b).getFolders()::contains);
    }
}
