package io.perftest.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code docs/formats.md}: the table of the result formats of the registry (name, metric
 * source, detection rule, metrics). Generated, never edited by hand; a test fails when the
 * committed file is stale. Run: {@code java -cp ... io.perftest.ingest.FormatsTable docs/formats.md}.
 */
public final class FormatsTable {

    private FormatsTable() {
    }

    /** The Markdown page for {@code parsers}. */
    public static String markdown(ResultParsers parsers) {
        StringBuilder b = new StringBuilder();
        b.append("# Result formats\n\n");
        b.append("<!-- Generated from the ResultParsers registry by io.perftest.ingest.FormatsTable; do not edit."
                + " Regenerate: mvn -pl perftest-core test -Dtest=FormatsTableTest -Dperftest.updateDocs=true -->\n\n");
        b.append("`perftest parse FILE... [--format NAME] [--json]` reads any of these; without `--format` the format is")
                .append(" detected from the file's name and first ").append(ResultParsers.HEAD_BYTES / 1024)
                .append(" KiB. Metric keys are `<source>.<label>.<quantity>[.<stat>]`; labels (request names, commands, jobs,")
                .append(" benchmarks) are kept as written: a label of letters, digits, `_` and `-` is one plain key part")
                .append(" (`jmeter.login.count`), any other label one part in double quotes (`jmeter.\"GET /api/users\".count`);")
                .append(" see [analysis.md](analysis.md#metric-keys-and-labels).\n\n");
        b.append("| format (`--format`) | source | detected by | what it reads, metrics |\n");
        b.append("| --- | --- | --- | --- |\n");
        for (ResultParser p : parsers.all()) {
            b.append("| `").append(p.name()).append("` | `").append(p.defaultSource()).append("` | ")
                    .append(cell(p.detectionRule())).append(" | ").append(cell(p.description())).append(" |\n");
        }
        b.append("\nPercentiles of JMeter and Gatling times are exact up to 2048 samples per label, then from an")
                .append(" HdrHistogram with 3 significant digits (within 0.1%), so memory per label is bounded; at most ")
                .append(RequestTable.MAX_LABELS).append(" labels are kept apart, further labels count in `total` only.")
                .append(" Bad records are skipped and reported with file and line; XML is read without DTDs or external entities.\n");
        b.append("\n## Datapoints JSON\n\nOne JSON object per line, appended by each load client as it goes:\n\n")
                .append("```\n{\"peer\": \"load-1\", \"ts\": 1717200000.5, \"metrics\": {\"requests_per_sec\": 120, \"latency_ms\": 12.5}}\n```\n\n")
                .append("`ts` is epoch seconds (values of 10^12 and more are read as milliseconds) or an ISO-8601 instant;")
                .append(" a unit may end a metric name (`latency_ms`, `latency (ms)`). Each metric gives a series per peer")
                .append(" (host = peer) and one aggregated over peers per whole second: the sum of the peers' values for")
                .append(" rates and counts, their mean otherwise.\n");
        return b.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/formats.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown(ResultParsers.standard()), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }
}
