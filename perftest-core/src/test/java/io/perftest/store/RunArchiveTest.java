package io.perftest.store;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class RunArchiveTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** A tar.gz whose one entry is made by {@code entry}, written with Commons Compress as an attacker would. */
    private Path hostileArchive(TarArchiveEntry entry, String content) throws IOException {
        Path archive = tmp.newFolder().toPath().resolve("raw.tar.gz");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            if (entry.isFile()) {
                entry.setSize(bytes.length);
            }
            tar.putArchiveEntry(entry);
            if (entry.isFile()) {
                tar.write(bytes);
            }
            tar.closeArchiveEntry();
        }
        return archive;
    }

    @Test
    public void shouldExtractWhatItArchived() throws IOException {
        Path hosts = tmp.newFolder("run", "hosts").toPath();
        Files.createDirectories(hosts.resolve("localhost/results"));
        Files.createDirectories(hosts.resolve("db1/empty"));
        Files.writeString(hosts.resolve("localhost/results/results.csv"), "throughput,10\n");
        Files.write(hosts.resolve("db1/sar.bin"), new byte[] {0, 1, 2, (byte) 255});
        Path archive = tmp.getRoot().toPath().resolve("run/raw.tar.gz");

        RunArchive.create(hosts, archive);
        Path out = tmp.newFolder("out").toPath();
        RunArchive.extract(archive, out);

        assertEquals(tree(hosts.getParent().resolve("hosts")), tree(out.resolve("hosts")));
        assertEquals("throughput,10\n", Files.readString(out.resolve("hosts/localhost/results/results.csv")));
        assertEquals(4, Files.readAllBytes(out.resolve("hosts/db1/sar.bin")).length);
        assertTrue(Files.isDirectory(out.resolve("hosts/db1/empty")));
    }

    @Test
    public void shouldNotArchiveSymbolicLinks() throws IOException {
        Path hosts = tmp.newFolder("hosts").toPath();
        Files.writeString(hosts.resolve("a.txt"), "a");
        Files.createSymbolicLink(hosts.resolve("passwd"), Path.of("/etc/passwd"));
        Path archive = tmp.getRoot().toPath().resolve("raw.tar.gz");

        RunArchive.create(hosts, archive);
        Path out = tmp.newFolder("out").toPath();
        RunArchive.extract(archive, out);

        assertEquals(List.of("", "hosts", "hosts/a.txt"), tree(out));
    }

    @Test
    public void shouldRefuseAnEntryClimbingOutOfTheTargetNamingIt() throws IOException {
        Path archive = hostileArchive(new TarArchiveEntry("hosts/../../evil.txt"), "pwned");
        Path out = tmp.newFolder("deep", "out").toPath();

        IOException e = assertThrows(IOException.class, () -> RunArchive.extract(archive, out));

        assertTrue(e.getMessage(), e.getMessage().contains("entry 'hosts/../../evil.txt' would be written outside"));
        assertFalse(Files.exists(out.getParent().resolve("evil.txt")));
    }

    @Test
    public void shouldRefuseAnAbsoluteEntryNamingIt() throws IOException {
        Path target = tmp.getRoot().toPath().resolve("absolute-target.txt");
        Path archive = hostileArchive(new TarArchiveEntry(target.toString(), true), "pwned");
        Path out = tmp.newFolder("out").toPath();

        IOException e = assertThrows(IOException.class, () -> RunArchive.extract(archive, out));

        assertTrue(e.getMessage(), e.getMessage().contains("entry '" + target + "'"));
        assertFalse(Files.exists(target));
    }

    @Test
    public void shouldRefuseASymbolicLinkEntryNamingIt() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("hosts/passwd", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        Path archive = hostileArchive(link, "");
        Path out = tmp.newFolder("out").toPath();

        IOException e = assertThrows(IOException.class, () -> RunArchive.extract(archive, out));

        assertTrue(e.getMessage(), e.getMessage().contains("entry 'hosts/passwd' is a link; refused"));
        assertFalse(Files.exists(out.resolve("hosts/passwd"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    public void shouldRefuseAHardLinkEntryNamingIt() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("hosts/shadow", TarArchiveEntry.LF_LINK);
        link.setLinkName("/etc/shadow");
        Path archive = hostileArchive(link, "");

        IOException e = assertThrows(IOException.class, () -> RunArchive.extract(archive, tmp.newFolder("out").toPath()));

        assertTrue(e.getMessage(), e.getMessage().contains("entry 'hosts/shadow' is a link; refused"));
    }
}
