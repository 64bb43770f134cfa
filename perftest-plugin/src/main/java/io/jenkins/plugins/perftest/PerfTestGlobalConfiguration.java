package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.util.FormValidation;
import io.jenkins.plugins.perftest.collectors.CollectorConfig;
import io.perftest.model.FrameworkLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
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

    private List<CollectorConfig> defaultCollectors = new ArrayList<>();
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
    public List<CollectorConfig> getDefaultCollectors() {
        return defaultCollectors == null ? List.of() : List.copyOf(defaultCollectors);
    }

    @DataBoundSetter
    public void setDefaultCollectors(List<CollectorConfig> defaultCollectors) {
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

    /**
     * Clears the default collectors before binding the form: an emptied list submits nothing,
     * and binding alone would keep the old one (as core's {@code ConsoleUrlProviderGlobalConfiguration} does).
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try (BulkChange bc = new BulkChange(this)) {
            defaultCollectors = new ArrayList<>();
            req.bindJSON(this, json);
            bc.commit();
        } catch (IOException e) {
            throw new FormException(e.getMessage(), e, "defaultCollectors");
        }
        return true;
    }

    /** Read with {@link Jenkins#XSTREAM2}, where {@code CollectorAliases} maps the collectors' old class names. */
    @Override
    protected XmlFile getConfigFile() {
        return new XmlFile(Jenkins.XSTREAM2, super.getConfigFile().getFile());
    }

    /** The Jenkins-wide defaults as the outermost layer of every framework: the default collectors. */
    FrameworkLayer toLayer() {
        FrameworkLayer.Builder b = FrameworkLayer.builder();
        Layers.collectors(getDefaultCollectors()).ifPresent(b::collectors);
        return b.build();
    }

    @POST
    public FormValidation doCheckKeepRawDataBuilds(@QueryParameter int value) {
        if (!FormChecks.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return value < 0 ? FormValidation.error(Messages.PerfTestGlobalConfiguration_Negative()) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTrendBuilds(@QueryParameter int value) {
        if (!FormChecks.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return value < 1 || value > 1000 ? FormValidation.error(Messages.PerfTestGlobalConfiguration_TrendBuilds())
                : FormValidation.ok();
    }
}
