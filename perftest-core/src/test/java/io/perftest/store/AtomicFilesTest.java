package io.perftest.store;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

public class AtomicFilesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    public void shouldWriteTheContentAndLeaveNoTemporaryFile() throws IOException {
        Path dir = tmp.getRoot().toPath();
        Path target = dir.resolve("run.json");

        AtomicFiles.write(target, "{}".getBytes(StandardCharsets.UTF_8));

        assertEquals("{}", Files.readString(target));
        assertEquals(List.of("run.json"), names(dir));
    }

    @Test
    public void shouldReplaceAnExistingFile() throws IOException {
        Path target = tmp.newFile("run.json").toPath();
        Files.writeString(target, "old content that is longer than the new one");

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertEquals("new", Files.readString(target));
        assertEquals(List.of("run.json"), names(tmp.getRoot().toPath()));
    }

    @Test
    public void shouldKeepTheOldFileAndLeaveNoTemporaryFileWhenWritingFails() throws IOException {
        Path target = tmp.newFile("run.json").toPath();
        Files.writeString(target, "old");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("run.json"), names(tmp.getRoot().toPath()));
    }

    @Test
    public void shouldCreateMissingParentDirectories() throws IOException {
        Path target = tmp.getRoot().toPath().resolve("a/b/summary.json");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertEquals(3, Files.size(target));
    }

    @Test
    public void shouldGiveTheFileTheSamePermissionsAsAPlainWrite() throws IOException {
        Path dir = tmp.getRoot().toPath();
        Path plain = Files.writeString(dir.resolve("console.log"), "x");

        Path atomic = dir.resolve("run.json");
        AtomicFiles.write(atomic, new byte[] {'x'});

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }
}
