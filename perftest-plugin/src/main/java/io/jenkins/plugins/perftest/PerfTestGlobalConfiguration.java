package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.perftest.collectors.PerfTestCollector;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Jenkins-wide perftest settings (Manage Jenkins, System; {@code unclassified: perfTest:} in
 * Configuration as Code): the collectors a test gets when neither it nor its framework names
 * any, whether to archive raw data, how many builds keep it, and how many builds the trend reads.
 */
@Extension
@Symbol("perfTest")
public class PerfTestGlobalConfiguration extends GlobalConfiguration {

    static final int DEFAULT_TREND_BUILDS = 50;

    private List<PerfTestCollector> defaultCollectors = new ArrayList<>();
    private boolean archiveRawData;
    private int keepRawDataBuilds;
    private int trendBuilds = DEFAULT_TREND_BUILDS;

    public PerfTestGlobalConfiguration() {
        load();
    }

    /** The singleton. */
    @NonNull
    public static PerfTestGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(PerfTestGlobalConfiguration.class);
    }

    @NonNull
    public List<PerfTestCollector> getDefaultCollectors() {
        return defaultCollectors == null ? List.of() : List.copyOf(defaultCollectors);
    }

    @DataBoundSetter
    public void setDefaultCollectors(List<PerfTestCollector> defaultCollectors) {
        this.defaultCollectors = defaultCollectors == null ? new ArrayList<>() : new ArrayList<>(defaultCollectors);
        save();
    }

    /** Whether each run also writes {@code raw.tar.gz} of its raw data, for download in one piece. */
    public boolean isArchiveRawData() {
        return archiveRawData;
    }

    @DataBoundSetter
    public void setArchiveRawData(boolean archiveRawData) {
        this.archiveRawData = archiveRawData;
        save();
    }

    /** How many of a test's latest builds keep their raw data; 0 keeps it for every build. */
    public int getKeepRawDataBuilds() {
        return keepRawDataBuilds;
    }

    @DataBoundSetter
    public void setKeepRawDataBuilds(int keepRawDataBuilds) {
        this.keepRawDataBuilds = Math.max(0, keepRawDataBuilds);
        save();
    }

    /** How many builds the job page's trend charts read. */
    public int getTrendBuilds() {
        return trendBuilds <= 0 ? DEFAULT_TREND_BUILDS : trendBuilds;
    }

    @DataBoundSetter
    public void setTrendBuilds(int trendBuilds) {
        this.trendBuilds = trendBuilds <= 0 ? DEFAULT_TREND_BUILDS : Math.min(trendBuilds, 1000);
        save();
    }

    @POST
    public FormValidation doCheckKeepRawDataBuilds(@QueryParameter int value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return value < 0 ? FormValidation.error(Messages.PerfTestGlobalConfiguration_Negative()) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTrendBuilds(@QueryParameter int value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return value < 1 || value > 1000 ? FormValidation.error(Messages.PerfTestGlobalConfiguration_TrendBuilds())
                : FormValidation.ok();
    }
}
