package io.perftest.cli.ssh;

import io.perftest.cli.PerftestCommand;
import io.perftest.config.ConfigLoader;
import io.perftest.host.Host;
import io.perftest.host.LocalHost;
import io.perftest.model.RunSpec;
import io.perftest.model.RunStatus;
import io.perftest.model.Verdict;
import io.perftest.run.RunEngine;
import io.perftest.run.RunOutcome;
import io.perftest.store.RunDirectory;
import io.perftest.store.RunRecord;
import io.perftest.store.TestHistory;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Runs with one SSH statistics host, through the engine and through {@code perftest run}. */
public class SshStatsHostRunTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = Timeout.seconds(60);

    private TestSshServer server;
    private Path remoteTmp;
    private Path framework;

    @Before
    public void setUp() throws Exception {
        remoteTmp = tmp.newFolder("remote-tmp").toPath();
        server = TestSshServer.start(tmp.newFolder("keys").toPath(), remoteTmp);
        framework = tmp.newFolder("framework").toPath();
        Files.writeString(framework.resolve("framework.yaml"), "name: lab\nscript: run.sh\nstatsHosts:\n  - stats1\n");
        Path script = framework.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\nprintf 'key,value,unit\\nrequests,120,count\\n' > \"$PERFTEST_RESULTS_DIR/results.csv\"\n");
        script.toFile().setExecutable(true);
    }

    @After
    public void stopServer() throws Exception {
        server.close();
    }

    @Test
    public void shouldDescribeTheStatsHostInProvenanceAndRemoveItsWorkDirectory() throws Exception {
        ConfigLoader loader = new ConfigLoader();
        ConfigLoader.Target target = loader.loadTarget(framework);
        RunSpec spec = loader.resolve(target.framework(), target.test(), Map.of());
        List<String> tempDirs = new CopyOnWriteArrayList<>();
        TestHistory history = TestHistory.of(tmp.getRoot().toPath().resolve("results"), "lab", "default");
        RunOutcome outcome;
        try (SshHost ssh = new SshHost(server.insecureTarget("stats1"))) {
            Host recorded = recordingTempDirectories(ssh, tempDirs);

            outcome = RunEngine.builder(spec, new LocalHost("exec"), history).statsHosts(List.of(recorded)).build().run();
        }

        RunRecord record = outcome.record();
        assertEquals(record.problems().toString(), RunStatus.COMPLETED, record.status());
        Map<String, String> described = record.provenance().hosts().get("stats1");
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim(), described.get("kernel"));
        assertEquals("perftest@127.0.0.1:" + server.port(), described.get("address"));
        assertEquals(1, tempDirs.size());
        assertTrue(tempDirs.get(0), Path.of(tempDirs.get(0)).startsWith(remoteTmp));
        assertFalse("cleanup left " + tempDirs.get(0), Files.exists(Path.of(tempDirs.get(0))));
        try (Stream<Path> left = Files.list(remoteTmp)) {
            assertEquals(List.of(), left.toList());
        }
        assertEquals(120, outcome.summary().metric("results.requests").orElseThrow().value(), 0);
    }

    @Test
    public void shouldRunWithAStatsHostFromTheHostsFileGivenOnTheCommandLine() throws Exception {
        Path hostsFile = tmp.getRoot().toPath().resolve("lab-hosts.yaml");
        Files.writeString(hostsFile, "hosts:\n  stats1:\n    address: 127.0.0.1:" + server.port() + "\n    user: perftest\n"
                + "    identity: " + server.identity() + "\n    insecure: true\n    connectTimeout: 5s\n");
        Path results = tmp.getRoot().toPath().resolve("results");

        Result r = cli("run", framework.toString(), "--hosts", hostsFile.toString(), "--results-dir", results.toString(), "--quiet");

        assertEquals(r.err(), 0, r.exitCode());
        RunRecord record = new RunDirectory(results.resolve("lab/default/1")).readRecord();
        assertEquals(RunStatus.COMPLETED, record.status());
        assertEquals(List.of("stats1"), record.spec().statsHosts());
        assertTrue(record.provenance().hosts().toString(), record.provenance().hosts().get("stats1").containsKey("cpus"));
        try (Stream<Path> left = Files.list(remoteTmp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    public void shouldExitTwoNamingFrameworkYamlsLineWhenAStatsHostIsNotDefined() throws Exception {
        Path hostsFile = tmp.getRoot().toPath().resolve("hosts.yaml");
        Files.writeString(hostsFile, "hosts:\n  other:\n    address: 127.0.0.1:1\n");

        Result r = cli("run", framework.toString(), "--hosts", hostsFile.toString(),
                "--results-dir", tmp.getRoot().toPath().resolve("results").toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err(), r.err().startsWith("perftest: " + framework.resolve("framework.yaml") + ":4:"));
        assertTrue(r.err(), r.err().contains("statistics host 'stats1' is not defined in " + hostsFile + " (it defines: other)"));
        assertFalse(r.err(), r.err().contains("\tat "));
    }

    @Test
    public void shouldRunAndReportAStatsHostThatCannotBeReached() throws Exception {
        Path hostsFile = tmp.getRoot().toPath().resolve("hosts.yaml");
        int port = server.port();
        server.close();
        Files.writeString(hostsFile, "hosts:\n  stats1:\n    address: 127.0.0.1:" + port + "\n    identity: " + server.identity()
                + "\n    insecure: true\n    connectTimeout: 2s\n");
        Path results = tmp.getRoot().toPath().resolve("results");

        Result r = cli("run", framework.toString(), "--hosts", hostsFile.toString(), "--results-dir", results.toString(), "--quiet");

        assertEquals(r.err(), 0, r.exitCode());
        RunRecord record = new RunDirectory(results.resolve("lab/default/1")).readRecord();
        assertTrue(record.problems().toString(), record.problems().stream()
                .anyMatch(p -> p.startsWith("statistics host stats1 left out of this run: stats1: cannot connect to")));
        assertEquals("the run is whole but its system picture is not", Verdict.UNSTABLE, record.verdict());
        assertEquals(RunStatus.COMPLETED, record.status());
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PerftestCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** The host, noting every temporary directory it creates. */
    private static Host recordingTempDirectories(Host host, List<String> created) {
        return (Host) Proxy.newProxyInstance(Host.class.getClassLoader(), new Class<?>[] {Host.class}, (proxy, method, args) -> {
            try {
                Object result = method.invoke(host, args);
                if (method.getName().equals("createTempDirectory")) {
                    created.add((String) result);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
