package io.perftest.store;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class TestHistoryTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shouldNumberRunsOneTwoThreeUnderFrameworkAndTest() throws IOException {
        TestHistory history = TestHistory.of(tmp.getRoot().toPath(), "quickstart", "small");

        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(history.createNextRun().number());
        }

        assertEquals(List.of(1, 2, 3), numbers);
        assertTrue(Files.isDirectory(tmp.getRoot().toPath().resolve("quickstart/small/3")));
        assertEquals(3, history.lastNumber());
    }

    @Test
    public void shouldListRunsInNumericOrderIgnoringOtherEntries() throws IOException {
        TestHistory history = TestHistory.of(tmp.getRoot().toPath(), "fw", "t");
        for (int i = 0; i < 11; i++) {
            history.createNextRun();
        }
        Path dir = history.directory();
        Files.createDirectory(dir.resolve("latest"));
        Files.createDirectory(dir.resolve("0"));
        Files.createDirectory(dir.resolve("012"));
        Files.writeString(dir.resolve("99"), "a file, not a run");

        List<Integer> numbers = history.runs().stream().map(RunDirectory::number).toList();

        assertEquals(IntStream.rangeClosed(1, 11).boxed().toList(), numbers);
        assertEquals(12, history.createNextRun().number());
    }

    @Test
    public void shouldContinueAfterTheHighestNumberWhenEarlierRunsWereDeleted() throws IOException {
        TestHistory history = TestHistory.of(tmp.getRoot().toPath(), "fw", "t");
        Files.createDirectories(history.directory().resolve("7"));
        assertEquals(8, history.createNextRun().number());
    }

    @Test
    public void shouldGiveRunsStartedAtOnceDistinctNumbers() throws Exception {
        TestHistory history = TestHistory.of(tmp.getRoot().toPath(), "fw", "t");
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        // each thread its own TestHistory, as separate processes would have
                        mine.add(TestHistory.of(tmp.getRoot().toPath(), "fw", "t").createNextRun().number());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : results) {
                all.addAll(f.get(30, TimeUnit.SECONDS));
            }
            Set<Integer> distinct = new TreeSet<>(all);
            assertEquals(threads * perThread, all.size());
            assertEquals(IntStream.rangeClosed(1, threads * perThread).boxed().collect(Collectors.toCollection(TreeSet::new)), distinct);
            assertEquals(threads * perThread, history.runs().size());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
