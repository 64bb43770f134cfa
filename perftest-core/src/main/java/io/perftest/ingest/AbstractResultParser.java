package io.perftest.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The template of the streaming parsers: opens the file, refuses text in an encoding other
 * than UTF-8 (or ASCII) with a message that says so, hands the stream to {@link #read}, and
 * turns a syntax error of the JSON or XML reader into a problem with the file and line, keeping
 * what was read before it. Only an unreadable file is an {@link IOException}.
 */
public abstract class AbstractResultParser implements ResultParser {

    @Override
    public final ParseResult parse(Path file, String source) throws IOException {
        Problems problems = new Problems(file.toString());
        ResultSink sink = new ResultSink(problems);
        String refusal = refusal(ResultParsers.head(file));
        if (refusal != null) {
            problems.addFileProblem(refusal);
            return sink.result();
        }
        try {
            read(file, source, sink);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(at == null ? 0 : at.getLineNr(), "not valid JSON (" + e.getOriginalMessage()
                    + "); the rest of the file is ignored: is it complete?");
        } catch (XmlSyntaxException e) {
            Location at = e.getCause().getLocation();
            problems.add(at == null ? 0 : at.getLineNumber(), "not valid XML (" + firstLine(e.getCause().getMessage())
                    + "); the rest of the file is ignored: is it complete?");
        }
        if (sink.isEmpty() && problems.count() == 0) {
            problems.addFileProblem("no results found: the file is empty or not " + description());
        }
        return sink.result();
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.lastIndexOf('\n');
        return nl >= 0 ? m.substring(nl + 1).strip() : m;
    }

    /**
     * Why this parser will not read a file that starts with {@code head}, or null: by default a
     * text encoding other than UTF-8 ({@link TextEncoding#problemOf}). A format that knows more
     * (a binary variant of itself) adds its reason.
     */
    protected String refusal(byte[] head) {
        return TextEncoding.problemOf(head);
    }

    /** Reads {@code file} into {@code sink}; by default as one stream with {@link #read(InputStream, String, ResultSink)}. */
    protected void read(Path file, String source, ResultSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, source, sink);
        }
    }

    /**
     * Reads {@code in} into {@code sink}. Bad records are reported to {@code sink.problems()}
     * and skipped; a syntax error that ends the file may be thrown as the reader's exception.
     */
    protected abstract void read(InputStream in, String source, ResultSink sink) throws IOException;

    /** An XML syntax error carried out of {@link #read} (which may only throw IOExceptions). */
    protected static final class XmlSyntaxException extends IOException {
        private static final long serialVersionUID = 1L;

        public XmlSyntaxException(XMLStreamException cause) {
            super(cause);
        }

        @Override
        public synchronized XMLStreamException getCause() {
            return (XMLStreamException) super.getCause();
        }
    }
}
