package io.perftest.ingest;

import io.perftest.stats.RequestStatistics;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * JMeter JTL results in XML ({@code jmeter.save.saveservice.output_format=xml}): a
 * {@code <testResults>} of {@code <httpSample>} and {@code <sample>} elements, attributes
 * {@code t} (elapsed), {@code lt} (latency), {@code ct} (connect), {@code ts} (start, epoch ms),
 * {@code s} (success), {@code lb} (label), {@code by}/{@code sby} (bytes received/sent),
 * {@code sc}/{@code ec} (sample and error count). Nested samples (sub-results: redirects,
 * embedded resources, a transaction's samplers) count under their own labels, as JMeter writes
 * them to a CSV JTL, so the CSV and the XML of one test give the same metrics. Read with StAX:
 * no DTD, no external entity, bounded memory.
 */
public final class JmeterXmlParser extends AbstractResultParser {

    @Override
    public String name() {
        return "jmeter-xml";
    }

    @Override
    public String defaultSource() {
        return "jmeter";
    }

    @Override
    public String description() {
        return "JMeter JTL results in XML (httpSample/sample, nested sub-results under their own labels). Same metrics as jmeter-csv";
    }

    @Override
    public String detectionRule() {
        return "XML whose head holds a <testResults> element (with <httpSample> or <sample>)";
    }

    @Override
    public int detect(String fileName, byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        String t = TextEncoding.withoutBom(text).stripLeading();
        if (!t.startsWith("<")) {
            return 0;
        }
        if (t.contains("<testResults")) {
            return t.contains("<httpSample") || t.contains("<sample") || fileName.toLowerCase(Locale.ROOT).endsWith(".jtl") ? 95 : 70;
        }
        return 0;
    }

    @Override
    protected void read(InputStream in, String source, ResultSink sink) throws IOException {
        Problems problems = sink.problems();
        RequestTable table = new RequestTable();
        boolean root = false;
        try {
            XMLStreamReader xml = SafeXml.reader(in);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        problems.add(xml.getLocation().getLineNumber(), "a DOCTYPE declaration; ignored (entities are never expanded)");
                    } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                        problems.add(xml.getLocation().getLineNumber(), "entity reference &" + xml.getLocalName() + "; not expanded");
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if (!root) {
                            root = true;
                            if (!name.equals("testResults")) {
                                problems.add(xml.getLocation().getLineNumber(), "the root element is <" + name
                                        + ">, not <testResults>: not a JMeter XML JTL");
                                return;
                            }
                        } else if (name.equals("httpSample") || name.equals("sample")) {
                            sample(xml, table, problems);
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            addMetrics(table, source, sink, problems);
            throw new XmlSyntaxException(e);
        }
        addMetrics(table, source, sink, problems);
    }

    private static void addMetrics(RequestTable table, String source, ResultSink sink, Problems problems) {
        if (table.overflowed()) {
            problems.addFileProblem("more than " + RequestTable.MAX_LABELS + " distinct labels; the requests of the"
                    + " further labels count in the total only");
        }
        List<io.perftest.model.Metric> metrics = table.metrics(source);
        if (table.total().count() > 0) {
            metrics.forEach(sink::add);
        }
    }

    private static void sample(XMLStreamReader xml, RequestTable table, Problems problems) {
        long line = xml.getLocation().getLineNumber();
        String label = xml.getAttributeValue(null, "lb");
        String t = xml.getAttributeValue(null, "t");
        String ts = xml.getAttributeValue(null, "ts");
        if (label == null || t == null || ts == null) {
            problems.add(line, "<" + xml.getLocalName() + "> without lb, t or ts attribute; skipped");
            return;
        }
        String attr = "t";
        try {
            long elapsed = Long.parseLong(t.strip());
            attr = "ts";
            long start = Long.parseLong(ts.strip());
            boolean ok = !"false".equalsIgnoreCase(xml.getAttributeValue(null, "s"));
            attr = "sc";
            long samples = optional(xml, "sc");
            attr = "ec";
            long errorCount = optional(xml, "ec");
            long failed = errorCount >= 0 ? errorCount : ok ? 0 : 1;
            attr = "lt";
            long latency = optional(xml, "lt");
            attr = "ct";
            long connect = optional(xml, "ct");
            attr = "by";
            long received = optional(xml, "by");
            attr = "sby";
            long sent = optional(xml, "sby");
            if (elapsed < 0 || start < 0) {
                problems.add(line, "negative t or ts; sample skipped");
                return;
            }
            RequestStatistics stats = table.of(label);
            stats.record(start, elapsed, samples >= 0 ? samples : 1, failed, latency, connect, received, sent);
        } catch (NumberFormatException e) {
            problems.add(line, "attribute " + attr + "='" + xml.getAttributeValue(null, attr) + "' is not a whole number; sample skipped");
        }
    }

    private static long optional(XMLStreamReader xml, String name) {
        String v = xml.getAttributeValue(null, name);
        return v == null || v.isBlank() ? -1 : Long.parseLong(v.strip());
    }
}
