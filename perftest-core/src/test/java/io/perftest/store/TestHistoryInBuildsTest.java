package io.perftest.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TestHistoryInBuildsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shouldCreateTheRunOfTheCurrentBuildInsideItsBuildDirectory() throws IOException {
        // given Jenkins' builds/ directory with build 7 running
        Path builds = tmp.newFolder("builds").toPath();
        Files.createDirectories(builds.resolve("7"));

        // when the engine takes the next run
        RunDirectory run = TestHistory.inBuilds(builds, "perftest/small", 7).createNextRun();

        // then it is build 7's, numbered 7
        assertEquals(builds.resolve("7/perftest/small").toAbsolutePath().normalize(), run.path());
        assertEquals(7, run.number());
        assertTrue(Files.isDirectory(run.path()));
    }

    @Test
    public void shouldListOnlyBuildsThatRanThisTestOldestFirst() throws IOException {
        // given builds 1, 2, 10 and 11, of which 2 and 10 ran test 'small' and 11 ran another test
        Path builds = tmp.newFolder("builds").toPath();
        Files.createDirectories(builds.resolve("1"));
        Files.createDirectories(builds.resolve("2/perftest/small"));
        Files.createDirectories(builds.resolve("10/perftest/small"));
        Files.createDirectories(builds.resolve("11/perftest/large"));
        Files.createDirectories(builds.resolve("lastSuccessfulBuild"));

        // when
        List<RunDirectory> runs = TestHistory.inBuilds(builds, "perftest/small", 12).runs();

        // then
        assertEquals(2, runs.size());
        assertEquals(2, runs.get(0).number());
        assertEquals(10, runs.get(1).number());
        assertEquals(10, TestHistory.inBuilds(builds, "perftest/small", 12).lastNumber());
    }

    @Test
    public void shouldRefuseASecondRunOfTheSameTestInOneBuild() throws IOException {
        // given build 3 already made a run of 'small'
        Path builds = tmp.newFolder("builds").toPath();
        TestHistory history = TestHistory.inBuilds(builds, "perftest/small", 3);
        RunDirectory first = history.createNextRun();
        Files.writeString(first.runJson(), "{}");

        // when / then
        assertThrows(FileAlreadyExistsException.class, history::createNextRun);
    }

    @Test
    public void shouldKeepNumberingByNameForPlainHistories() throws IOException {
        // given a command-line history
        Path dir = tmp.newFolder("results").toPath();
        TestHistory history = new TestHistory(dir);

        // when
        RunDirectory first = history.createNextRun();
        RunDirectory second = history.createNextRun();

        // then
        assertEquals(1, first.number());
        assertEquals(2, second.number());
        assertFalse(first.path().equals(second.path()));
    }
}
