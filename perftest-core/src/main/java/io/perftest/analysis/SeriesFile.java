package io.perftest.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftest.store.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads one series for {@code perftest detect}: a TCPD dataset (JSON, {@link TcpdDataset}), or
 * text with one value per line, or CSV whose last column holds the values (a first line that is
 * not numeric is a header). Blank lines and lines starting with {@code #} are skipped. A value
 * that is not a number is an {@link IOException} naming the file and line.
 */
public final class SeriesFile {

    private SeriesFile() {
    }

    public static double[] read(Path file) throws IOException {
        String head;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buf = new char[256];
            int n = r.read(buf);
            head = n < 0 ? "" : new String(buf, 0, n).stripLeading();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a text file (expected numbers, CSV or TCPD JSON)");
        }
        if (head.startsWith("{")) {
            return TcpdDataset.read(file).values();
        }
        double[] values = new double[64];
        int count = 0;
        int lineNumber = 0;
        boolean seenData = false;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNumber++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int comma = t.lastIndexOf(',');
                String field = (comma < 0 ? t : t.substring(comma + 1)).strip();
                if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                    field = field.substring(1, field.length() - 1).strip();
                }
                double v;
                try {
                    v = Double.parseDouble(field);
                } catch (NumberFormatException e) {
                    if (!seenData) {
                        seenData = true; // a header line
                        continue;
                    }
                    throw new IOException(file + ":" + lineNumber + ": '" + field + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IOException(file + ":" + lineNumber + ": '" + field + "' is not a finite number");
                }
                seenData = true;
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                }
                values[count++] = v;
            }
        }
        return Arrays.copyOf(values, count);
    }
}
