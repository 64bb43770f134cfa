package io.perftest.config;

import io.perftest.model.ConfigException;
import io.perftest.model.Origin;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class YamlReaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static Path fixture(String name) {
        try {
            return Path.of(YamlReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void shouldKeepTheLineAndColumnOfEveryKeyAndValue() {
        Path file = fixture("locations.yaml");
        YamlNode.Mapping root = (YamlNode.Mapping) YamlReader.read(file);

        assertEquals(new Origin(file.toString(), 1, 1), root.keyOrigin("name"));
        assertEquals(new Origin(file.toString(), 1, 7), root.entries().get("name").origin());
        YamlNode.Mapping nested = (YamlNode.Mapping) root.entries().get("nested");
        assertEquals(new Origin(file.toString(), 3, 5), nested.keyOrigin("key"));
        assertEquals(new Origin(file.toString(), 3, 10), nested.entries().get("key").origin());
        YamlNode.Sequence list = (YamlNode.Sequence) root.entries().get("list");
        assertEquals(new Origin(file.toString(), 5, 5), list.items().get(0).origin());
        assertEquals(new Origin(file.toString(), 6, 7), list.items().get(1).origin());
        assertEquals("second", ((YamlNode.Scalar) list.items().get(1)).text());
    }

    @Test
    public void shouldKeepKeysInTheOrderWritten() {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlReader.read(new StringReader("b: 1\na: 2\nc: 3\n"), "x.yaml");
        assertEquals(java.util.List.of("b", "a", "c"), java.util.List.copyOf(root.entries().keySet()));
    }

    @Test
    public void shouldReadAnEmptyPlainValueAsNullButAQuotedEmptyValueAsEmptyText() {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlReader.read(new StringReader("a: ~\nb:\nc: ''\nd: {e: }\n"), "x.yaml");
        assertNull(((YamlNode.Scalar) root.entries().get("a")).text());
        assertNull(((YamlNode.Scalar) root.entries().get("b")).text());
        assertEquals("", ((YamlNode.Scalar) root.entries().get("c")).text());
        assertNull(((YamlNode.Scalar) ((YamlNode.Mapping) root.entries().get("d")).entries().get("e")).text());
        YamlNode empty = YamlReader.read(new StringReader(""), "empty.yaml");
        assertEquals("empty", empty.kind());
        assertEquals(new Origin("empty.yaml", 1, 1), empty.origin());
    }

    @Test
    public void shouldRejectADuplicateKeyAtItsSecondLineNamingTheFirst() {
        Path file = fixture("duplicate-key.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> YamlReader.read(file));
        assertEquals(file + ":3:1: duplicate key 'name' (first at line 1)", e.getMessage());
        assertEquals(3, e.origin().line());
    }

    @Test
    public void shouldRejectASyntaxErrorWithFileAndLine() {
        Path file = fixture("syntax-error.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> YamlReader.read(file));
        assertEquals(file.toString(), e.origin().source());
        assertTrue(e.getMessage(), e.origin().line() >= 2 && e.origin().line() <= 3);
        assertTrue(e.getMessage(), e.getMessage().contains(": invalid YAML: "));
        assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
    }

    @Test
    public void shouldRejectAFileThatIsNotUtf8() throws IOException {
        Path file = tmp.newFile("latin1.yaml").toPath();
        Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = assertThrows(ConfigException.class, () -> YamlReader.read(file));
        assertEquals(file + ": not UTF-8 text", e.getMessage());
    }

    @Test
    public void shouldReadUtf8Text() throws IOException {
        Path file = tmp.newFile("utf8.yaml").toPath();
        Files.writeString(file, "name: caf\u00e9\n", StandardCharsets.UTF_8);
        assertEquals("caf\u00e9", ((YamlNode.Scalar) ((YamlNode.Mapping) YamlReader.read(file)).entries().get("name")).text());
    }

    @Test
    public void shouldRefuseAFileLargerThanOneMebibyteWithoutReadingIt() throws IOException {
        Path file = tmp.newFile("huge.yaml").toPath();
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() <= (1 << 20); i++) {
            b.append("key").append(i).append(": value\n");
        }
        Files.writeString(file, b);
        ConfigException e = assertThrows(ConfigException.class, () -> YamlReader.read(file));
        assertEquals(file + ": file is larger than 1 MiB; is this really a perftest YAML file?", e.getMessage());
    }

    @Test
    public void shouldSayAMissingFileIsNotFound() {
        Path file = tmp.getRoot().toPath().resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> YamlReader.read(file));
        assertEquals(file + ": file not found", e.getMessage());
    }
}
