package io.jenkins.plugins.perftest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.util.FormValidation;
import io.jenkins.plugins.perftest.collectors.CollectorConfig;
import io.jenkins.plugins.perftest.collectors.SarConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The configuration forms, their checks and saved configurations of earlier versions. */
public class ConfigurationTest {

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void shouldRemoveTheLastDefaultCollectorFromTheGlobalConfiguration() throws Exception {
        // given one default collector
        SarConfig sar = new SarConfig();
        sar.setInterval("2s");
        PerfTestGlobalConfiguration.get().setDefaultCollectors(List.of(sar));
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlForm form = wc.goTo("configure").getFormByName("config");

        // when its entry is deleted in the form (an emptied list submits no key) and the form saved
        List<DomNode> chunks = form.querySelectorAll("[name='defaultCollectors'] .repeated-chunk, .repeated-chunk[name='defaultCollectors']");
        if (chunks.isEmpty()) {
            chunks = form.querySelectorAll(".repeated-chunk");
        }
        assertEquals("one collector entry in the form", 1, chunks.size());
        chunks.get(0).remove();
        j.submit(form);

        // then the list is empty, not left as it was
        assertEquals(List.of(), PerfTestGlobalConfiguration.get().getDefaultCollectors());
    }

    @Test
    public void shouldReadAJobSavedWithTheCollectorsOldClassNames() throws Exception {
        // given a config.xml written before the collectors were renamed to *Config
        String xml = "<?xml version='1.1' encoding='UTF-8'?>\n<project><builders>"
                + "<io.jenkins.plugins.perftest.PerfTestBuilder><script>run.sh</script><collectors>"
                + "<io.jenkins.plugins.perftest.collectors.SarCollector><interval>1s</interval></io.jenkins.plugins.perftest.collectors.SarCollector>"
                + "<io.jenkins.plugins.perftest.collectors.StraceCollector><trace>true</trace></io.jenkins.plugins.perftest.collectors.StraceCollector>"
                + "</collectors><repeat>0</repeat></io.jenkins.plugins.perftest.PerfTestBuilder></builders></project>";

        // when
        FreeStyleProject p = (FreeStyleProject) j.jenkins.createProjectFromXML("old",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        // then the collectors load as the new describables, with their options and the same core types
        List<CollectorConfig> collectors = p.getBuildersList().get(PerfTestBuilder.class).getCollectors();
        assertEquals(List.of("sar:interval=1s", "strace:trace=true"), collectors.stream().map(c -> c.toSpec().toString()).toList());
        assertTrue(collectors.get(0) instanceof SarConfig);
    }

    @Test
    public void shouldKeepTheNewFieldsThroughTheFormAndCheckThem() throws Exception {
        // given a step with the fields the snippet generator and the form show
        FreeStyleProject p = j.createFreeStyleProject("fields");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript("run.sh");
        step.setExclusive(true);
        step.setExclusiveWait("20m");
        step.setTrendMetrics("results.latency_p99\nresults.*");
        p.getBuildersList().add(step);

        // when the job's configuration page is saved unchanged
        j.configRoundtrip(p);

        // then
        PerfTestBuilder after = p.getBuildersList().get(PerfTestBuilder.class);
        j.assertEqualDataBoundBeans(step, after);
        PerfTestBuilder.DescriptorImpl d = j.jenkins.getDescriptorByType(PerfTestBuilder.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckExclusiveWait("soon", p).kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckExclusiveWait("2h", p).kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckTrendMetrics("results.a b", p).kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckTrendMetrics("results.*, sar.cpu.*", p).kind);
    }
}
