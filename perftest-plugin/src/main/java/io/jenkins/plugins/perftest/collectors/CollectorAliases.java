package io.jenkins.plugins.perftest.collectors;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import hudson.model.Run;
import hudson.util.XStream2;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * Reads configurations saved before the collector describables were renamed
 * ({@code collectors.SarCollector} is now {@link SarConfig}, ...): job and folder
 * {@code config.xml} ({@link Items#XSTREAM2}), build records ({@link Run#XSTREAM2}) and the
 * global configuration ({@link Jenkins#XSTREAM2}, which
 * {@code PerfTestGlobalConfiguration#getConfigFile} reads with). Pipelines and Configuration as
 * Code name collectors by their unchanged symbols ({@code sar}, {@code perf}, ...).
 */
public final class CollectorAliases {

    private static final String OLD_PACKAGE = "io.jenkins.plugins.perftest.collectors.";

    /** Old class name (simple) to the describable that replaced it. */
    static final Map<String, Class<? extends CollectorConfig>> RENAMED = Map.of(
            "SarCollector", SarConfig.class,
            "ProcCollector", ProcConfig.class,
            "PerfCollector", PerfConfig.class,
            "StraceCollector", StraceConfig.class,
            "JmxCollector", JmxConfig.class,
            "CommandCollector", CommandConfig.class);

    private CollectorAliases() {
    }

    /** Registered before any job, folder or global configuration is loaded. */
    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void addAliases() {
        for (XStream2 xstream : new XStream2[] {Items.XSTREAM2, Run.XSTREAM2, Jenkins.XSTREAM2}) {
            RENAMED.forEach((old, renamed) -> xstream.addCompatibilityAlias(OLD_PACKAGE + old, renamed));
        }
    }
}
