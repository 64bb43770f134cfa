package io.jenkins.plugins.perftest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.perftest.collectors.CommandConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.Page;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The pages and REST endpoints users meet, fetched through Jenkins' real routing (TypedFilter included). */
public class PerfTestPagesTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private FreeStyleProject parameterised(String name) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject(name);
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("rate", "10")));
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(Scripts.reporting(tmp));
        step.setArguments(List.of(new ScriptArgument("rate")));
        p.getBuildersList().add(step);
        return p;
    }

    private FreeStyleBuild build(FreeStyleProject p, String rate) throws Exception {
        return j.assertBuildStatusSuccess(p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("rate", rate))));
    }

    @Test
    public void shouldServeTrendChartsComparePageChartAndJsonThroughJenkinsRouting() throws Exception {
        // given three builds, the third at a new level
        FreeStyleProject p = parameterised("pages");
        build(p, "10");
        build(p, "11");
        build(p, "20");
        JenkinsRule.WebClient wc = j.createWebClient();

        // when / then: the trend PNG is routed (TrendRoute is @StaplerAccessibleType)
        Page png = wc.goTo("job/pages/perftest-trend/trend/pages/metric/" + PerfTestJobAction.tokenOf("results.throughput") + "/png",
                "image/png");
        assertTrue(png.getWebResponse().getContentAsStream().readAllBytes().length > 1000);

        // the job's trends as JSON: builds and values of the charted metric
        JSONObject trends = j.getJSON("job/pages/perftest-trend/api/json?depth=3").getJSONObject();
        JSONObject metric = trends.getJSONArray("tests").getJSONObject(0).getJSONArray("metrics").getJSONObject(0);
        assertEquals("results.throughput", metric.getString("key"));
        JSONArray points = metric.getJSONArray("points");
        assertEquals(3, points.size());
        assertEquals(20.0, points.getJSONObject(2).getDouble("value"), 0.0);

        // the compare page with its chart, and the same table as JSON
        String page = wc.goTo("job/pages/perftest-trend/compare?a=1&b=3").getWebResponse().getContentAsString();
        assertTrue(page, page.contains("results.throughput") && page.contains("+100.0%") && page.contains("Noise band"));
        wc.goTo("job/pages/perftest-trend/compare/chart/png?a=1&b=3", "image/png");
        JSONObject cmp = j.getJSON("job/pages/perftest-trend/compare/api/json?a=1&b=3").getJSONObject();
        JSONObject row = cmp.getJSONArray("rows").getJSONObject(0);
        assertEquals("results.throughput", row.getString("key"));
        assertEquals(1.0, row.getDouble("change"), 1e-9);
        assertEquals(0.02, row.getDouble("noise"), 1e-9);
        assertEquals("pages #1", cmp.getString("baseline"));
    }

    @Test
    public void shouldCompareBuildsOfTwoJobsOfOneFrameworkAndOfferThemOnTheBuildPage() throws Exception {
        // given two configurations of one framework: two jobs in its folder
        Folder web = j.jenkins.createProject(Folder.class, "web");
        FrameworkProperty fw = new FrameworkProperty();
        fw.setScript(Scripts.reporting(tmp));
        ScriptArgument rate = new ScriptArgument("rate");
        rate.setDefaultValue("5");
        fw.setArguments(List.of(rate));
        web.getProperties().add(fw);
        FreeStyleProject tcp = web.createProject(FreeStyleProject.class, "tcp");
        tcp.getBuildersList().add(new PerfTestBuilder());
        FreeStyleProject udp = web.createProject(FreeStyleProject.class, "udp");
        PerfTestBuilder faster = new PerfTestBuilder();
        faster.setParameters("rate=15");
        udp.getBuildersList().add(faster);
        FreeStyleBuild a = j.buildAndAssertSuccess(tcp);
        FreeStyleBuild b = j.buildAndAssertSuccess(udp);

        // when
        JSONObject cmp = j.getJSON("job/web/job/udp/perftest-trend/compare/api/json?a=web/tcp:1&b=1").getJSONObject();
        String buildPage = j.createWebClient().getPage(b, "perftest/").getWebResponse().getContentAsString();

        // then the two tests are compared (one each, different names), and the build page offers the other job's build
        assertEquals(2.0, cmp.getJSONArray("rows").getJSONObject(0).getDouble("change"), 1e-9);
        assertEquals(a.getFullDisplayName(), cmp.getString("baseline"));
        assertTrue(buildPage, buildPage.contains("value=\"web/tcp:1\""));
    }

    @Test
    public void shouldServeTheRunsReportAndItsPagesUnderThePagePolicyAndNothingOutsideTheRun() throws Exception {
        // given a script that also leaves an HTML page with an inline script among its results
        String body = "printf 'throughput,1\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\"\n"
                + "printf '<html><head><script>document.title=1;</script></head><body>x</body></html>' > \"$PERFTEST_RESULTS_DIR/page.html\"";
        FreeStyleProject p = j.createFreeStyleProject("report");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(Scripts.write(tmp, "page.sh", body));
        p.getBuildersList().add(step);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.getOptions().setRedirectEnabled(false);

        // when / then: the report, with no script allowed
        Page report = wc.goTo(b.getUrl() + "perftest/report/", null);
        assertEquals(200, report.getWebResponse().getStatusCode());
        assertTrue(report.getWebResponse().getResponseHeaderValue("Content-Security-Policy").contains("script-src 'none'"));
        assertEquals("nosniff", report.getWebResponse().getResponseHeaderValue("X-Content-Type-Options"));
        assertTrue(report.getWebResponse().getContentAsString().contains("jenkins / report #1"));

        // a page of the run: its own inline script allowed by hash, nothing else
        Page page = wc.goTo(b.getUrl() + "perftest/report/hosts/built-in/results/page.html", null);
        assertEquals(200, page.getWebResponse().getStatusCode());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest("document.title=1;".getBytes(StandardCharsets.UTF_8)));
        assertTrue(page.getWebResponse().getResponseHeaderValue("Content-Security-Policy").contains("'sha256-" + hash + "'"));

        // other files go to the directory browser; nothing outside the run
        Page csv = wc.goTo(b.getUrl() + "perftest/report/run.json", null);
        assertEquals(302, csv.getWebResponse().getStatusCode());
        assertTrue(csv.getWebResponse().getResponseHeaderValue("Location").endsWith(b.getUrl() + "perftest/files/run.json"));
        assertEquals(404, wc.goTo(b.getUrl() + "perftest/report/nope.html", null).getWebResponse().getStatusCode());
    }

    @Test
    public void shouldHeadTheBuildPageWithThresholdMetricsThenTheScriptsResultsBeforeCollectorSeries() throws Exception {
        // given a command collector, whose keys (command.*) sort before results.*, and a threshold on the last result
        FreeStyleProject p = j.createFreeStyleProject("headline");
        PerfTestBuilder step = new PerfTestBuilder();
        step.setScript(Scripts.write(tmp, "head.sh", "printf 'aaa,1\\nthroughput,2\\nzz_latency,3\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\"; sleep 1"));
        CommandConfig counter = new CommandConfig();
        counter.setName("queue");
        counter.setCommand("echo 5");
        counter.setInterval("200ms");
        step.setCollectors(List.of(counter));
        step.setThresholds("results.zz_latency < 10");
        p.getBuildersList().add(step);

        // when
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        // then
        List<String> keys = b.getAction(PerfTestBuildAction.class).getHeadline().stream().map(MetricRow::getKey).toList();
        assertEquals(keys.toString(), List.of("results.zz_latency", "results.aaa", "results.throughput"), keys.subList(0, 3));
        assertTrue(keys.toString(), keys.stream().skip(3).allMatch(k -> k.startsWith("command.")));
    }

    @Test
    public void shouldRefuseAPathOrALinkThatLeavesTheRunDirectory() throws Exception {
        java.nio.file.Path run = tmp.newFolder("run").toPath();
        java.nio.file.Files.writeString(run.resolve("report.html"), "<html></html>");
        java.nio.file.Path secret = tmp.newFile("secret.html").toPath();
        java.nio.file.Files.createSymbolicLink(run.resolve("link.html"), secret);

        assertNotNull(RunPages.inside(run, "report.html"));
        assertEquals(null, RunPages.inside(run, "../secret.html"));
        assertEquals(null, RunPages.inside(run, secret.toString()));
        assertEquals(null, RunPages.inside(run, "link.html"));
        assertEquals(null, RunPages.inside(run, "missing.html"));
    }
}
