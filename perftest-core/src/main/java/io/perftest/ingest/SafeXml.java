package io.perftest.ingest;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * StAX readers that cannot be turned against us: no DTD processing, no external entities (a
 * resolver that refuses them all, in case a DTD still gets through), no entity replacement, so
 * neither an XML bomb nor an external entity is ever expanded or fetched.
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver(refuseAll());
        return f;
    }

    private static XMLResolver refuseAll() {
        return (publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity '" + systemId + "' refused: perftest never fetches them");
        };
    }

    /**
     * A reader of {@code in}, decoded as UTF-8 (what JMeter writes) with malformed bytes
     * replaced, so that a file in another encoding yields readable errors, not a decoder crash.
     */
    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
