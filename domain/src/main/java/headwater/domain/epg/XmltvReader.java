package headwater.domain.epg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XMLTV guide, plain or gzip (recognised by its magic bytes {@code 1f 8b}), as a stream: each channel and
 * programme goes to the {@link XmltvListener} as soon as its end tag is read, so memory holds one programme, not the
 * guide.
 *
 * <p>Safe with hostile input: the JDK's StAX parser runs with DTD support and external entities off and no access to
 * external DTDs, so a {@code <!DOCTYPE tv SYSTEM "...">} is never fetched and entities a DOCTYPE declares (XXE,
 * billion laughs) are never defined: their first use is a fatal, named error. Values, depth and bytes are limited.
 *
 * <p>A bad programme or channel (no channel id, a time that is not XMLTV, an oversized value) is skipped and counted in
 * the {@link XmltvImportReport} with its line. What stops the read is a {@link XmltvParseException} (malformed or
 * truncated XML, invalid UTF-8, the byte limit); channels and programmes already received then belong to a failed
 * import and must be discarded.
 */
public final class XmltvReader {
    private static final int MAX_DEPTH = 16;
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private final XmltvReaderOptions options;
    private final XMLInputFactory factory;

    public XmltvReader() {
        this(XmltvReaderOptions.DEFAULTS);
    }

    public XmltvReader(XmltvReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.factory = hardenedFactory();
    }

    /**
     * Reads {@code in} to its end, handing channels and programmes to {@code listener}. Does not close {@code in}.
     *
     * @throws XmltvParseException when the guide cannot be read on (the message says where and why)
     * @throws IOException when {@code in} fails
     */
    public XmltvImportReport read(InputStream in, XmltvListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        ImportTally tally = new ImportTally(options.maxReportedProblems());
        XMLStreamReader xml = null;
        try {
            xml = open(in);
            readGuide(xml, listener, tally);
        } catch (XMLStreamException e) {
            throw translate(e, xml);
        } catch (IOException e) {
            throw translate(e, e, xml);
        } catch (RuntimeException e) {
            if (!thrownByTheXmlParser(e)) {
                throw e;
            }
            // The JDK's parser has its own bugs: a NUL in a DOCTYPE makes it look up a message that does not exist.
            Location at = xml == null ? null : safeLocation(xml);
            long line = at == null ? 0 : at.getLineNumber();
            long column = at == null ? 0 : at.getColumnNumber();
            throw new XmltvParseException("line " + line + ", column " + column + ": malformed XML the JDK's parser"
                    + " could not describe (" + e + ")", line, column, e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a StAX reader releases parser state only; the stream is the caller's
                }
            }
        }
        return tally.report();
    }

    /** Reads a whole guide into memory: for small guides. All or nothing: a failed read returns nothing. */
    public XmltvGuide readAll(InputStream in) throws IOException {
        XmltvGuide.Collector collector = new XmltvGuide.Collector();
        read(in, collector);
        return collector.guide();
    }

    private XMLStreamReader open(InputStream raw) throws IOException, XMLStreamException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 64 * 1024);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream plain = buffered;
        if (b0 == 0x1f && b1 == 0x8b) {
            // Both sides limited: the compressed bytes (endless empty deflate blocks) and the XML they expand to.
            InputStream compressed = new ByteLimitedInputStream(buffered, options.maxBytes());
            plain = new BufferedInputStream(new CorruptGzipInputStream(compressed), 64 * 1024);
        }
        InputStream limited = new BufferedInputStream(new ByteLimitedInputStream(plain, options.maxBytes()), 8192);
        limited.mark(1024);
        byte[] head = limited.readNBytes(1024);
        limited.reset();
        if (isUtf8(head)) {
            int bom = 0;
            if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
                bom = 3;
                limited.skipNBytes(bom);
            }
            return factory.createXMLStreamReader(new StrictUtf8Reader(limited, bom));
        }
        return factory.createXMLStreamReader(limited);
    }

    /** UTF-8 unless a byte order mark or the XML declaration names another encoding. */
    private static boolean isUtf8(byte[] head) {
        if (head.length >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
                || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe || head[0] == 0 || head[1] == 0)) {
            return false;
        }
        String start = new String(head, StandardCharsets.ISO_8859_1);
        if (start.startsWith("\u00ef\u00bb\u00bf")) {
            start = start.substring(3);
        }
        if (!start.startsWith("<?xml")) {
            return true;
        }
        int end = start.indexOf("?>");
        Matcher m = ENCODING.matcher(end < 0 ? start : start.substring(0, end));
        if (!m.find()) {
            return true;
        }
        String encoding = m.group(1).toUpperCase(Locale.ROOT);
        return encoding.equals("UTF-8") || encoding.equals("UTF8") || encoding.equals("US-ASCII")
                || encoding.equals("ASCII");
    }

    private void readGuide(XMLStreamReader xml, XmltvListener listener, ImportTally tally)
            throws XMLStreamException, XmltvParseException {
        int event = xml.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (!xml.hasNext()) {
                throw fatal(xml, "the document has no <tv> element");
            }
            event = xml.next();
        }
        if (!xml.getLocalName().equals("tv")) {
            throw fatal(xml, "the root element is <" + xml.getLocalName() + ">, expected <tv>");
        }
        while (true) {
            event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw undeclaredEntity(xml);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            long line = xml.getLocation().getLineNumber();
            String name = xml.getLocalName();
            switch (name) {
                case "channel" -> readChannel(xml, listener, tally, line);
                case "programme" -> readProgramme(xml, listener, tally, line);
                default -> {
                    readElement(xml, new ElementBudget(options.maxTextLength()), 1);
                    tally.warn(line, name, "is not a channel or programme; ignored");
                }
            }
        }
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.ENTITY_REFERENCE) {
                throw undeclaredEntity(xml);
            }
        }
    }

    private void readChannel(XMLStreamReader xml, XmltvListener listener, ImportTally tally, long line)
            throws XMLStreamException, XmltvParseException {
        ElementBudget budget = new ElementBudget(options.maxTextLength());
        List<XmlAttribute> attributes = attributes(xml, budget);
        List<ExtraElement> children = children(xml, budget, 1);
        if (budget.failure() != null) {
            tally.skip(line, "channel", budget.failure());
            return;
        }
        EpgChannel channel;
        try {
            channel = XmltvMapping.channel(attributes, children);
        } catch (XmltvMapping.Skip skip) {
            tally.skip(line, "channel", skip.getMessage());
            return;
        }
        tally.channels++;
        listener.channel(channel);
    }

    private void readProgramme(XMLStreamReader xml, XmltvListener listener, ImportTally tally, long line)
            throws XMLStreamException, XmltvParseException {
        ElementBudget budget = new ElementBudget(options.maxTextLength());
        List<XmlAttribute> attributes = attributes(xml, budget);
        List<ExtraElement> children = children(xml, budget, 1);
        if (budget.failure() != null) {
            tally.skip(line, "programme", budget.failure());
            return;
        }
        List<String> warnings = new ArrayList<>(0);
        Programme programme;
        try {
            programme = XmltvMapping.programme(attributes, children, options.defaultZone(), warnings);
        } catch (XmltvMapping.Skip skip) {
            tally.skip(line, "programme", skip.getMessage());
            return;
        }
        warnings.forEach(w -> tally.warn(line, "programme", w));
        tally.programmes++;
        listener.programme(programme);
    }

    private static List<XmlAttribute> attributes(XMLStreamReader xml, ElementBudget budget) {
        int count = xml.getAttributeCount();
        List<XmlAttribute> attributes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = qualifiedName(xml.getAttributePrefix(i), xml.getAttributeLocalName(i));
            String value = XmlCharacters.attribute(xml.getAttributeValue(i));
            if (value.length() > budget.maxTextLength()) {
                budget.fail("attribute " + name + " of <" + xml.getLocalName() + "> is " + value.length()
                        + " characters, over the limit of " + budget.maxTextLength());
                value = "";
            }
            attributes.add(new XmlAttribute(name, value));
        }
        return attributes;
    }

    /** Reads the children of the current start element up to its end tag. */
    private List<ExtraElement> children(XMLStreamReader xml, ElementBudget budget, int depth)
            throws XMLStreamException, XmltvParseException {
        List<ExtraElement> children = new ArrayList<>();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(readElement(xml, budget, depth + 1));
                case XMLStreamConstants.END_ELEMENT -> {
                    return children;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclaredEntity(xml);
                default -> {
                    // text between a channel's or programme's children is layout
                }
            }
        }
    }

    /** Reads the current start element and everything in it as a tree. */
    private ExtraElement readElement(XMLStreamReader xml, ElementBudget budget, int depth)
            throws XMLStreamException, XmltvParseException {
        String name = qualifiedName(xml.getPrefix(), xml.getLocalName());
        List<XmlAttribute> attributes = attributes(xml, budget);
        StringBuilder text = new StringBuilder();
        List<ExtraElement> children = new ArrayList<>(0);
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (depth >= MAX_DEPTH) {
                        budget.fail("<" + name + "> nests elements deeper than " + MAX_DEPTH + " levels");
                        readElement(xml, budget, depth);
                    } else {
                        children.add(readElement(xml, budget, depth + 1));
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int length = xml.getTextLength();
                    if (text.length() + (long) length > budget.maxTextLength()) {
                        budget.fail("text of <" + name + "> is over the limit of " + budget.maxTextLength()
                                + " characters");
                    } else {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), length);
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclaredEntity(xml);
                case XMLStreamConstants.END_ELEMENT -> {
                    if (budget.failure() != null) {
                        return new ExtraElement(name, List.of(), "", List.of());
                    }
                    return new ExtraElement(name, attributes, XmlCharacters.text(text.toString()).strip(), children);
                }
                default -> {
                    // comments and processing instructions carry nothing of the guide
                }
            }
        }
    }

    private static String qualifiedName(String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static XmltvParseException undeclaredEntity(XMLStreamReader xml) {
        return fatal(xml, "entity reference &" + xml.getLocalName() + "; is not one of XML's five predefined"
                + " entities; DTD entities are off");
    }

    private static XmltvParseException fatal(XMLStreamReader xml, String what) {
        Location at = xml.getLocation();
        return new XmltvParseException("line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": "
                + what, at.getLineNumber(), at.getColumnNumber(), null);
    }

    private static IOException translate(XMLStreamException e, XMLStreamReader xml) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause() : nested(t)) {
            if (t instanceof IOException io) {
                return translate(io, e, xml);
            }
        }
        Location at = e.getLocation() != null ? e.getLocation() : xml != null ? xml.getLocation() : null;
        long line = at == null ? 0 : at.getLineNumber();
        long column = at == null ? 0 : at.getColumnNumber();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int cut = message.indexOf("Message: ");
        if (cut >= 0) {
            message = message.substring(cut + "Message: ".length());
        }
        message = message.strip();
        if (message.contains("was referenced, but not declared")) {
            message += " DTD processing is off: entity declarations in a DOCTYPE are ignored, and no external entity"
                    + " or DTD is ever read, so the reference is refused (XXE and entity-expansion protection).";
        }
        return new XmltvParseException("line " + line + ", column " + column + ": malformed XML: " + message, line,
                column, e);
    }

    private static Throwable nested(Throwable t) {
        return t instanceof XMLStreamException x ? x.getNestedException() : null;
    }

    private static IOException translate(IOException io, Exception thrown, XMLStreamReader xml) {
        if (io instanceof XmltvParseException p) {
            return p;
        }
        if (io instanceof StrictUtf8Reader.InvalidUtf8Exception utf8) {
            return new XmltvParseException(utf8.getMessage(), utf8.line, utf8.column, thrown);
        }
        Location at = xml == null ? null : safeLocation(xml);
        long line = at == null ? 0 : at.getLineNumber();
        long column = at == null ? 0 : at.getColumnNumber();
        String where = at == null ? "" : "line " + line + ", column " + column + ": ";
        if (io instanceof ByteLimitedInputStream.GuideTooLargeException) {
            return new XmltvParseException(where + io.getMessage(), line, column, thrown);
        }
        if (io instanceof CorruptGzipInputStream.CorruptGzipException) {
            return new XmltvParseException(where + io.getMessage(), line, column, thrown);
        }
        if (io.getClass().getName().contains("MalformedByteSequence") || io instanceof java.io.CharConversionException) {
            return new XmltvParseException(where + "invalid bytes for the declared encoding: " + io.getMessage(),
                    line, column, thrown);
        }
        return io;
    }

    /** Whether {@code e} came out of the JDK's XML parser (module java.xml) rather than our code or the listener. */
    private static boolean thrownByTheXmlParser(RuntimeException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if ("java.xml".equals(frame.getModuleName())) {
                return true;
            }
            if (frame.getClassName().startsWith("headwater.")) {
                return false;
            }
        }
        return false;
    }

    private static Location safeLocation(XMLStreamReader xml) {
        try {
            return xml.getLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // The JDK's own limits (jdk.xml.*). With DTDs off no entity can be declared, so expansion limits stay tight.
        // The size limits are lifted: the JDK counts every &amp; and &lt; of the document itself against them (the
        // "[xml]" entity), and JDK 24+ defaults (100,000) would refuse a real guide with 100,001 ampersands.
        f.setProperty("jdk.xml.entityExpansionLimit", "64");
        f.setProperty("jdk.xml.entityReplacementLimit", "1024");
        f.setProperty("jdk.xml.maxParameterEntitySizeLimit", "1024");
        f.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "0");
        f.setProperty("jdk.xml.totalEntitySizeLimit", "0");
        f.setProperty("jdk.xml.elementAttributeLimit", "256");
        f.setProperty("jdk.xml.maxElementDepth", "64");
        return f;
    }
}
