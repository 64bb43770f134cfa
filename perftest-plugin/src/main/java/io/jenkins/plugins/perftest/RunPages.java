package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.perftest.report.PagePolicy;
import io.perftest.report.RunReport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Serves the HTML pages the core wrote into a run directory ({@code report.html}, flame graphs
 * under {@code hosts/}) with the core's {@link PagePolicy} as {@code Content-Security-Policy}
 * and {@code X-Content-Type-Options: nosniff}, rather than through the directory browser, whose
 * policy would stop a flame graph's own script. Any other file of the run is redirected to the
 * directory browser ({@code files/}). Nothing outside the run directory is served, links
 * included. The caller checks the permission.
 */
final class RunPages {

    private RunPages() {
    }

    /**
     * @param filesUrl the absolute URL of the run's directory browser, ending in {@code /}
     */
    static void serve(Path runDirectory, StaplerRequest2 req, StaplerResponse2 rsp, String filesUrl) throws IOException {
        String rest = req.getRestOfPath();
        if (rest.isEmpty() || rest.equals("/")) {
            if (!req.getRequestURI().endsWith("/")) {
                rsp.sendRedirect(req.getRequestURI() + "/"); // the report's links are relative to report/
                return;
            }
            rest = "/" + RunReport.FILE_NAME;
        }
        String relative = rest.substring(1);
        Path file = inside(runDirectory, relative);
        if (file == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!PagePolicy.isPage(file.getFileName().toString())) {
            rsp.sendRedirect(filesUrl + encode(relative));
            return;
        }
        byte[] page = Files.readAllBytes(file);
        rsp.setContentType("text/html;charset=UTF-8");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Content-Security-Policy", PagePolicy.of(new String(page, StandardCharsets.UTF_8)));
        rsp.setContentLength(page.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(page);
        }
    }

    /** The regular file {@code relative} names inside {@code directory}, or null (missing, outside, or reached through a link that leaves it). */
    @CheckForNull
    static Path inside(Path directory, String relative) throws IOException {
        try {
            Path root = directory.toRealPath();
            Path candidate = root.resolve(relative).normalize();
            if (relative.isEmpty() || Path.of(relative).isAbsolute() || !candidate.startsWith(root)
                    || !Files.isRegularFile(candidate)) {
                return null;
            }
            Path real = candidate.toRealPath();
            return real.startsWith(root) ? real : null;
        } catch (InvalidPathException | java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static String encode(String relative) {
        List<String> parts = new ArrayList<>();
        for (String part : relative.split("/")) {
            parts.add(Util.rawEncode(part));
        }
        return String.join("/", parts);
    }
}
