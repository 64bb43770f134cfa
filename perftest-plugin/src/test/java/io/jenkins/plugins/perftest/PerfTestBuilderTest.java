package io.jenkins.plugins.perftest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.slaves.DumbSlave;
import hudson.util.FormValidation;
import io.jenkins.plugins.perftest.collectors.CommandConfig;
import io.jenkins.plugins.perftest.collectors.JmxConfig;
import io.jenkins.plugins.perftest.collectors.ProcConfig;
import io.jenkins.plugins.perftest.collectors.SarConfig;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The plugin end to end: real scripts through the real engine on agents started by the test. */
public class PerfTestBuilderTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private String script(String name, String body) throws Exception {
        return Scripts.write(tmp, name, body);
    }

    private String reportingScript() throws Exception {
        return Scripts.reporting(tmp);
    }

    @Test
    public void shouldRunFreestyleTestOnAgentAndShowItsMetrics() throws Exception {
        // given a freestyle job on an agent with a declared argument set by a build parameter
        DumbSlave agent = j.createOnlineSlave(j.jenkins.getLabel("perf"));
        FreeStyleProject p = j.createFreeStyleProject("freestyle");
        p.setAssignedNode(agent);
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("rate", "10")));
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(reportingScript());
        ScriptArgument rate = new ScriptArgument("rate");
        rate.setDefaultValue("1");
        step.setArguments(List.of(rate));
        p.getBuildersList().add(step);

        // when
        FreeStyleBuild b = j.assertBuildStatusSuccess(p.scheduleBuild2(0,
                new ParametersAction(new StringParameterValue("rate", "42"))));

        // then the build parameter reached the script and the metric is on the build page
        PerfTestBuildAction action = b.getAction(PerfTestBuildAction.class);
        assertNotNull(action);
        assertEquals("COMPLETED", action.getStatus());
        assertEquals(42.0, action.metric("results.throughput").value(), 0.0);
        assertTrue(new File(b.getRootDir(), "perftest/freestyle/run.json").isFile());
        j.createWebClient().getPage(b, "perftest/");
    }

    @Test
    public void shouldRunPipelinePerfTestStepOnAgent() throws Exception {
        // given
        j.createOnlineSlave(j.jenkins.getLabel("perf"));
        WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline");
        p.setDefinition(new CpsFlowDefinition("node('perf') {\n"
                + "  perfTest test: 'small', script: '" + reportingScript() + "', arguments: [argument(name: 'rate', defaultValue: '7')], repeat: 2\n"
                + "}", true));

        // when
        WorkflowRun b = j.buildAndAssertSuccess(p);

        // then two iterations gave two samples
        PerfTestBuildAction action = b.getAction(PerfTestBuildAction.class);
        assertEquals("small", action.getTest());
        assertEquals(2, action.metric("results.throughput").samples().size());
        j.assertLogContains("[perftest]", b);
    }

    @Test
    public void shouldTakeDefaultsFromFrameworkFolderAndLetNestedFolderOverride() throws Exception {
        // given an outer framework with script and argument, and a nested folder overriding the default
        Folder outer = j.jenkins.createProject(Folder.class, "web");
        FrameworkProperty fw = new FrameworkProperty();
        fw.setScript(reportingScript());
        ScriptArgument rate = new ScriptArgument("rate");
        rate.setDefaultValue("5");
        fw.setArguments(List.of(rate));
        outer.getProperties().add(fw);
        Folder inner = outer.createProject(Folder.class, "fast");
        FrameworkProperty override = new FrameworkProperty();
        ScriptArgument faster = new ScriptArgument("rate");
        faster.setDefaultValue("50");
        override.setArguments(List.of(faster));
        inner.getProperties().add(override);
        FreeStyleProject p = inner.createProject(FreeStyleProject.class, "t");
        p.getBuildersList().add(new PerfTestBuilder());

        // when
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        // then the script is the outer folder's, the argument the inner folder's
        assertEquals(50.0, b.getAction(PerfTestBuildAction.class).metric("results.throughput").value(), 0.0);
        assertEquals("web/fast", FrameworkDefaults.of(p).getFrameworkName());
    }

    @Test
    public void shouldAbortRunStopTheScriptAndKeepTheRecord() throws Exception {
        // given a script that would run for a minute
        FreeStyleProject p = j.createFreeStyleProject("abort");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(script("sleep.sh", "echo started; sleep 60"));
        p.getBuildersList().add(step);
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("started", b);

        // when the build is aborted
        b.getExecutor().interrupt();

        // then the build ends aborted, with the run recorded as aborted
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals("ABORTED", b.getAction(PerfTestBuildAction.class).getStatus());
    }

    @Test
    public void shouldRunCollectorsOnEveryOnlineStatisticsNode() throws Exception {
        // given two statistics nodes and the core's pure-Java proc collector (no tool to install)
        j.createOnlineSlave(j.jenkins.getLabel("stats"));
        j.createOnlineSlave(j.jenkins.getLabel("stats"));
        FreeStyleProject p = j.createFreeStyleProject("fleet");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(script("short.sh", "sleep 2; printf 'throughput,1\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\""));
        step.setStatisticsLabel("stats");
        ProcConfig proc = new ProcConfig();
        proc.setInterval("200ms");
        step.setCollectors(List.of(proc));
        p.getBuildersList().add(step);

        // when
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        // then both statistics nodes took part in the run, beside the execution node
        java.util.Set<String> hosts = b.getAction(PerfTestBuildAction.class).directory().readRecord()
                .provenance().hosts().keySet();
        assertTrue(hosts.toString(), hosts.containsAll(List.of("built-in", "slave0", "slave1")));
    }

    @Test
    public void shouldExposeResultsThroughTheRestApi() throws Exception {
        // given
        FreeStyleProject p = j.createFreeStyleProject("rest");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(reportingScript());
        step.setParameters("rate=3");
        step.setArguments(List.of(new ScriptArgument("rate")));
        p.getBuildersList().add(step);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        // when
        JSONObject json = j.getJSON(b.getUrl() + "perftest/api/json?depth=1").getJSONObject();

        // then
        assertEquals("COMPLETED", json.getString("status"));
        assertEquals("results.throughput", json.getJSONArray("metrics").getJSONObject(0).getString("key"));
    }

    @Test
    public void shouldHideResultsFromUsersWithoutReadAndRefusePinWithoutUpdate() throws Exception {
        // given a reader and a stranger
        FreeStyleProject p = j.createFreeStyleProject("secret");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(reportingScript());
        step.setArguments(List.of(new ScriptArgument("rate")));
        step.setParameters("rate=1");
        p.getBuildersList().add(step);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader", "stranger")
                .grant(Item.READ).onItems(p).to("reader"));

        // then the stranger gets 404, the reader sees the page but may not pin
        JenkinsRule.WebClient stranger = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("stranger");
        for (String page : List.of(b.getUrl() + "perftest/", b.getUrl() + "perftest/report/", b.getUrl() + "perftest/files/",
                p.getUrl() + "perftest-trend/", p.getUrl() + "perftest-trend/api/json",
                p.getUrl() + "perftest-trend/compare/api/json?a=1&b=1")) {
            assertEquals(page, 404, stranger.goTo(page, null).getWebResponse().getStatusCode());
        }
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        reader.getPage(b, "perftest/");
        try {
            reader.getPage(reader.addCrumb(new WebRequest(new URL(j.getURL(), b.getUrl() + "perftest/pin"), HttpMethod.POST)));
            throw new AssertionError("pin without Run.UPDATE must be refused");
        } catch (FailingHttpStatusCodeException e) {
            assertEquals(403, e.getStatusCode());
        }
    }

    @Test
    public void shouldPinBuildAsBaselineInTheCoresPinnedBaselineFile() throws Exception {
        // given two completed builds of a test
        FreeStyleProject p = j.createFreeStyleProject("pin");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(reportingScript());
        step.setArguments(List.of(new ScriptArgument("rate")));
        step.setParameters("rate=5");
        p.getBuildersList().add(step);
        FreeStyleBuild first = j.buildAndAssertSuccess(p);
        FreeStyleBuild second = j.buildAndAssertSuccess(p);

        // when the first is pinned through its page (POST with a crumb)
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.getPage(wc.addCrumb(new WebRequest(new URL(j.getURL(), first.getUrl() + "perftest/pin"), HttpMethod.POST)));

        // then the core's pin file of this test names it, and the pinned policy would choose it
        File pinFile = PerfTestExecution.history(first, "pin").file(io.perftest.analysis.PinnedBaseline.FILE).toFile();
        assertTrue(pinFile.getPath(), pinFile.isFile());
        assertEquals(1, BaselinePins.read(first, "pin").orElseThrow().run());
        assertEquals(List.of(1), io.perftest.analysis.BaselinePolicy.parse("pinned")
                .choose(PerfTestExecution.history(second, "pin"), 3).choice().runs());
        assertTrue(first.getAction(PerfTestBuildAction.class).isPinned());
        assertTrue(!second.getAction(PerfTestBuildAction.class).isPinned());
    }

    @Test
    public void shouldFailBuildOnThresholdSyntaxErrorNamingLineAndColumn() throws Exception {
        // given a threshold whose bound is not a number
        FreeStyleProject p = j.createFreeStyleProject("badThreshold");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(reportingScript());
        step.setArguments(List.of(new ScriptArgument("rate")));
        step.setParameters("rate=1");
        step.setThresholds("# comment\nresults.throughput < fast");
        p.getBuildersList().add(step);

        // when
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        // then the log names the job's thresholds, line 2, and the parser's column; nothing ran
        j.assertLogContains("job badThreshold thresholds", b);
        j.assertLogContains("column", b);
        assertEquals(null, b.getAction(PerfTestBuildAction.class));
    }

    @Test
    public void shouldRejectThresholdInFormValidationWithTheParsersColumn() throws Exception {
        // given
        FreeStyleProject p = j.createFreeStyleProject("form");
        PerfTestBuilder.DescriptorImpl d = j.jenkins.getDescriptorByType(PerfTestBuilder.DescriptorImpl.class);

        // when
        FormValidation bad = d.doCheckThresholds("results.latency_p95 < 250 ms\nresults.throughput >= ", p);
        FormValidation good = d.doCheckThresholds("results.latency_p95 < 250 ms : unstable\nno regression", p);

        // then
        assertEquals(FormValidation.Kind.ERROR, bad.kind);
        assertTrue(bad.getMessage(), bad.getMessage().contains("line 2") && bad.getMessage().contains("column"));
        assertEquals(FormValidation.Kind.OK, good.kind);
    }

    @Test
    public void shouldShowEachLabelAsWrittenAndChartAMetricWhoseLabelHoldsASlash() throws Exception {
        // given JMeter samplers that used to fold into one metric, and a URL label
        FreeStyleProject p = j.createFreeStyleProject("labels");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(script("jtl.sh", "printf 'timeStamp,elapsed,label,responseCode,success\\n"
                + "1717200000000,10,a b,200,true\\n1717200000001,100,a_b,200,true\\n1717200000002,1000,a.b,200,true\\n"
                + "1717200000003,20,GET /api/users,200,true\\n' > \"$PERFTEST_RESULTS_DIR/samplers.jtl\""));
        step.setResultFiles("*.jtl");
        step.setThresholds("jmeter.\"a.b\".elapsed.mean < 1001 ms\njmeter.a_b.elapsed.mean < 101 ms");
        p.getBuildersList().add(step);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        // when
        JSONObject json = j.getJSON(b.getUrl() + "perftest/api/json?depth=1").getJSONObject();
        String page = j.createWebClient().goTo(b.getUrl() + "perftest/").getWebResponse().getContentAsString();
        JenkinsRule.WebClient wc = j.createWebClient();
        String trend = wc.goTo("job/labels/perftest-trend/").getWebResponse().getContentAsString();

        // then three metrics, each with its own label and value, in the REST API and on the page
        java.util.Map<String, Double> means = new java.util.HashMap<>();
        for (Object o : json.getJSONArray("metrics")) {
            JSONObject m = (JSONObject) o;
            if (m.getString("key").endsWith(".elapsed.mean")) {
                means.put(m.optString("label"), m.getDouble("value"));
            }
        }
        assertEquals(10, means.get("a b"), 0);
        assertEquals(100, means.get("a_b"), 0);
        assertEquals(1000, means.get("a.b"), 0);
        assertEquals(20, means.get("GET /api/users"), 0);
        for (String key : List.of("jmeter.\"a b\".elapsed.mean", "jmeter.\"a.b\".elapsed.mean", "jmeter.a_b.elapsed.mean")) {
            assertTrue(key, page.contains(key) || page.contains(key.replace("\"", "&quot;")));
        }
        // and the job page charts a metric of the label with a slash (its URL holds no encoded '/')
        String token = PerfTestJobAction.tokenOf("jmeter.\"GET /api/users\".elapsed.mean");
        java.util.regex.Matcher img = java.util.regex.Pattern.compile("src=\"(trend/[^\"/]+/metric/" + token + "/png)\"").matcher(trend);
        assertTrue(trend, img.find());
        assertEquals("image/png", wc.goTo("job/labels/perftest-trend/" + img.group(1), "image/png").getWebResponse().getContentType());
    }

    @Test
    public void shouldCompareTwoBuildsWithTheCoresComparison() throws Exception {
        // given two builds with different throughput
        FreeStyleProject p = j.createFreeStyleProject("cmp");
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("rate", "10")));
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(reportingScript());
        step.setArguments(List.of(new ScriptArgument("rate")));
        p.getBuildersList().add(step);
        j.assertBuildStatusSuccess(p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("rate", "10"))));
        j.assertBuildStatusSuccess(p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("rate", "20"))));

        // when
        String page = j.createWebClient().goTo("job/cmp/perftest-trend/compare?a=1&b=2").getWebResponse().getContentAsString();

        // then the throughput row shows both medians and the +100% change
        assertTrue(page, page.contains("results.throughput") && page.contains("+100.0%"));
    }

    @Test
    public void shouldStopBuildOnCollectorOptionTheCoreRefuses() throws Exception {
        // given sar at 500ms (sadc samples in whole seconds) and a collector the engine lacks
        FreeStyleProject p = j.createFreeStyleProject("badCollector");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(reportingScript());
        step.setArguments(List.of(new ScriptArgument("rate")));
        step.setParameters("rate=1");
        SarConfig sar = new SarConfig();
        sar.setInterval("500ms");
        step.setCollectors(List.of(sar));
        p.getBuildersList().add(step);

        // when
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        // then the core's message, before anything ran
        j.assertLogContains("whole seconds", b);
        assertEquals(null, b.getAction(PerfTestBuildAction.class));

        // and the form says the same, with the core's own checks for every collector type
        SarConfig.DescriptorImpl sarForm = j.jenkins.getDescriptorByType(SarConfig.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, sarForm.doCheckInterval("500ms", p).kind);
        assertEquals(FormValidation.Kind.OK, sarForm.doCheckInterval("2s", p).kind);
        CommandConfig.DescriptorImpl commandForm = j.jenkins.getDescriptorByType(CommandConfig.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.OK, commandForm.doCheckInterval("1s", p).kind);
        assertEquals(FormValidation.Kind.ERROR, commandForm.doCheckBetter("sideways", p).kind);
        JmxConfig.DescriptorImpl jmxForm = j.jenkins.getDescriptorByType(JmxConfig.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.OK, jmxForm.doCheckUrl("127.0.0.1:9010", p).kind);
        assertEquals(FormValidation.Kind.ERROR, jmxForm.doCheckPasswordEnv("s3cret!", p).kind);
    }
}
