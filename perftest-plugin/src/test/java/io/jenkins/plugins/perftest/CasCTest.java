package io.jenkins.plugins.perftest;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.perftest.collectors.ProcConfig;
import io.jenkins.plugins.perftest.collectors.SarConfig;
import org.junit.Rule;
import org.junit.Test;

/** Configuration as Code: the global section loaded from YAML and exported back as it was written. */
public class CasCTest {

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    @Test
    @ConfiguredWithCode("casc.yaml")
    public void shouldLoadTheGlobalSectionAndExportItBack() throws Exception {
        // then it loaded
        PerfTestGlobalConfiguration global = PerfTestGlobalConfiguration.get();
        assertTrue(global.isArchiveRawData());
        assertEquals(20, global.getKeepRawDataBuilds());
        assertEquals(30, global.getTrendBuilds());
        assertEquals(2, global.getDefaultCollectors().size());
        assertEquals("1s", ((SarConfig) global.getDefaultCollectors().get(0)).getInterval());
        assertEquals("500ms", ((ProcConfig) global.getDefaultCollectors().get(1)).getInterval());

        // and it exports as written
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode section = getUnclassifiedRoot(context).get("perfTest");
        assertEquals(toStringFromYamlFile(this, "casc-expected.yaml"), toYamlString(section));
    }
}
