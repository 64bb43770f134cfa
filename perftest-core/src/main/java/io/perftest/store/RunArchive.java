package io.perftest.store;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code raw.tar.gz}: a gzip'd tar of a directory tree (a run's {@code hosts/}), and its safe
 * extraction: entries that would land outside the target (absolute, {@code ..}, links) are refused.
 */
public final class RunArchive {

    private RunArchive() {
    }

    /** Archives the tree under {@code source} into {@code target} (written atomically); paths in it start with the source's name. */
    public static void create(Path source, Path target) throws IOException {
        Path base = source.toAbsolutePath().normalize();
        AtomicFiles.write(target, out -> write(base, out));
    }

    private static void write(Path base, OutputStream out) throws IOException {
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        String root = base.getFileName().toString();
        if (Files.isDirectory(base)) {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    String name = root + "/" + base.relativize(dir).toString().replace('\\', '/');
                    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
                    e.setModTime(attrs.lastModifiedTime().toMillis());
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE; // links and devices are not archived
                    }
                    TarArchiveEntry e = new TarArchiveEntry(file.toFile(), root + "/" + base.relativize(file).toString().replace('\\', '/'));
                    tar.putArchiveEntry(e);
                    Files.copy(file, tar);
                    tar.closeArchiveEntry();
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        tar.finish();
        gz.finish();
    }

    /**
     * Extracts {@code archive} into {@code target}.
     *
     * @throws IOException naming the entry, if an entry would escape {@code target} or is a link
     */
    public static void extract(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path dest = root.resolve(e.getName()).normalize();
                if (!dest.startsWith(root) || e.getName().startsWith("/")) {
                    throw new IOException(archive + ": entry '" + e.getName() + "' would be written outside " + root + "; refused");
                }
                if (e.isSymbolicLink() || e.isLink()) {
                    throw new IOException(archive + ": entry '" + e.getName() + "' is a link; refused");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                } else if (e.isFile()) {
                    Files.createDirectories(dest.getParent());
                    if (Files.isSymbolicLink(dest.getParent()) || Files.exists(dest, LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(dest)) {
                        throw new IOException(archive + ": entry '" + e.getName() + "' goes through a link; refused");
                    }
                    Files.copy(tar, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
