package headwater.domain.epg;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an XMLTV guide in UTF-8: {@code <tv generator-info-name="Headwater">}, channels, then programmes, as they are
 * handed over (streaming; a guide need not be in memory). Times are written in UTC ({@code 20250208000000 +0000}, to
 * the second), children in xmltv.dtd's order, every field the {@link XmltvReader} reads, so reading an export gives
 * equal values. Characters XML 1.0 cannot carry are left out (see {@link XmlCharacters}).
 *
 * <p>Call {@link #channel} for all channels before the first {@link #programme}, and {@link #close} at the end (it
 * does not close the stream).
 */
public final class XmltvWriter implements AutoCloseable {
    /** The DOCTYPE a validator such as {@code tv_validate_file} expects next to xmltv.dtd. */
    public static final String DOCTYPE = "<!DOCTYPE tv SYSTEM \"xmltv.dtd\">";

    private final XMLStreamWriter xml;
    private boolean programmesStarted;
    private boolean closed;

    private XmltvWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** Starts a guide on {@code out}, with the DOCTYPE line when {@code doctype} is true. */
    public static XmltvWriter open(OutputStream out, boolean doctype) throws IOException {
        Objects.requireNonNull(out, "out");
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            if (doctype) {
                xml.writeDTD(DOCTYPE);
                xml.writeCharacters("\n");
            }
            xml.writeStartElement("tv");
            xml.writeAttribute("generator-info-name", "Headwater");
            return new XmltvWriter(xml);
        } catch (XMLStreamException e) {
            throw new IOException("cannot start an XMLTV export: " + e.getMessage(), e);
        }
    }

    /** Writes a whole guide. */
    public static void write(XmltvGuide guide, OutputStream out, boolean doctype) throws IOException {
        try (XmltvWriter writer = open(out, doctype)) {
            for (EpgChannel c : guide.channels()) {
                writer.channel(c);
            }
            for (Programme p : guide.programmes()) {
                writer.programme(p);
            }
        }
    }

    public void channel(EpgChannel channel) throws IOException {
        if (programmesStarted) {
            throw new IllegalStateException("channel " + channel.id() + " after the first programme: XMLTV lists"
                    + " channels first");
        }
        try {
            indent(1);
            xml.writeStartElement("channel");
            attribute("id", channel.id());
            attributes(channel.otherAttributes());
            for (LocalizedText name : channel.displayNames()) {
                localized(2, "display-name", name);
            }
            for (Icon icon : channel.icons()) {
                icon(2, icon);
            }
            for (ChannelUrl url : channel.urls()) {
                indent(2);
                xml.writeStartElement("url");
                attribute("system", url.system());
                text(url.url());
                xml.writeEndElement();
            }
            for (ExtraElement e : channel.extras()) {
                extra(2, e);
            }
            indent(1);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write channel " + channel.id() + ": " + e.getMessage(), e);
        }
    }

    public void programme(Programme p) throws IOException {
        programmesStarted = true;
        try {
            indent(1);
            xml.writeStartElement("programme");
            attribute("start", XmltvTime.format(p.start()));
            if (p.stop() != null) {
                attribute("stop", XmltvTime.format(p.stop()));
            }
            attribute("channel", p.channelId());
            attribute("catchup-id", p.catchupId());
            attributes(p.otherAttributes());
            for (String name : XmltvElementOrder.PROGRAMME) {
                typed(p, name);
                for (ExtraElement e : p.extras()) {
                    if (e.name().equals(name)) {
                        extra(2, e);
                    }
                }
            }
            for (ExtraElement e : p.extras()) {
                if (!XmltvElementOrder.PROGRAMME.contains(e.name())) {
                    extra(2, e);
                }
            }
            indent(1);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write programme of channel " + p.channelId() + " at " + p.start() + ": "
                    + e.getMessage(), e);
        }
    }

    private void typed(Programme p, String element) throws XMLStreamException {
        switch (element) {
            case "title" -> localizedAll("title", p.titles());
            case "sub-title" -> localizedAll("sub-title", p.subTitles());
            case "desc" -> localizedAll("desc", p.descriptions());
            case "credits" -> credits(p.credits());
            case "date" -> {
                if (p.date() != null) {
                    simple(2, "date", p.date());
                }
            }
            case "category" -> localizedAll("category", p.categories());
            case "length" -> {
                if (p.length() != null) {
                    indent(2);
                    xml.writeStartElement("length");
                    attribute("units", p.length().unit().attribute());
                    text(Long.toString(p.length().value()));
                    xml.writeEndElement();
                }
            }
            case "icon" -> {
                for (Icon icon : p.icons()) {
                    icon(2, icon);
                }
            }
            case "episode-num" -> {
                for (EpisodeNumber n : p.episodeNumbers()) {
                    indent(2);
                    xml.writeStartElement("episode-num");
                    attribute("system", n.system());
                    text(n.value());
                    xml.writeEndElement();
                }
            }
            case "previously-shown" -> {
                if (p.previouslyShown() != null) {
                    indent(2);
                    xml.writeEmptyElement("previously-shown");
                    attribute("start", p.previouslyShown().start());
                    attribute("channel", p.previouslyShown().channel());
                }
            }
            case "premiere" -> {
                if (p.premiere() != null) {
                    localized(2, "premiere", p.premiere());
                }
            }
            case "new" -> {
                if (p.isNew()) {
                    indent(2);
                    xml.writeEmptyElement("new");
                }
            }
            case "rating" -> ratings("rating", p.ratings());
            case "star-rating" -> ratings("star-rating", p.starRatings());
            default -> {
                // elements without a field are written from the extras
            }
        }
    }

    private void localizedAll(String element, List<LocalizedText> texts) throws XMLStreamException {
        for (LocalizedText t : texts) {
            localized(2, element, t);
        }
    }

    private void localized(int depth, String element, LocalizedText t) throws XMLStreamException {
        indent(depth);
        xml.writeStartElement(element);
        attribute("lang", t.lang());
        text(t.text());
        xml.writeEndElement();
    }

    private void simple(int depth, String element, String value) throws XMLStreamException {
        indent(depth);
        xml.writeStartElement(element);
        text(value);
        xml.writeEndElement();
    }

    private void icon(int depth, Icon icon) throws XMLStreamException {
        indent(depth);
        xml.writeEmptyElement("icon");
        attribute("src", icon.src());
        attribute("width", icon.width() == null ? null : icon.width().toString());
        attribute("height", icon.height() == null ? null : icon.height().toString());
    }

    private void credits(List<Credit> credits) throws XMLStreamException {
        if (credits.isEmpty()) {
            return;
        }
        indent(2);
        xml.writeStartElement("credits");
        for (Credit.Kind kind : Credit.Kind.values()) {
            for (Credit c : credits) {
                if (c.kind() == kind) {
                    indent(3);
                    xml.writeStartElement(kind.element());
                    attribute("role", c.role());
                    attribute("guest", c.guest() ? "yes" : null);
                    text(c.name());
                    xml.writeEndElement();
                }
            }
        }
        indent(2);
        xml.writeEndElement();
    }

    private void ratings(String element, List<Rating> ratings) throws XMLStreamException {
        for (Rating r : ratings) {
            indent(2);
            xml.writeStartElement(element);
            attribute("system", r.system());
            simple(3, "value", r.value());
            for (Icon icon : r.icons()) {
                icon(3, icon);
            }
            indent(2);
            xml.writeEndElement();
        }
    }

    private void extra(int depth, ExtraElement e) throws XMLStreamException {
        indent(depth);
        xml.writeStartElement(e.name());
        attributes(e.attributes());
        text(e.text());
        for (ExtraElement child : e.children()) {
            extra(depth + 1, child);
        }
        if (!e.children().isEmpty()) {
            indent(depth);
        }
        xml.writeEndElement();
    }

    private void attributes(List<XmlAttribute> attributes) throws XMLStreamException {
        for (XmlAttribute a : attributes) {
            attribute(a.name(), a.value());
        }
    }

    private void attribute(String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, XmlCharacters.attribute(value));
        }
    }

    private void text(String value) throws XMLStreamException {
        if (!value.isEmpty()) {
            xml.writeCharacters(XmlCharacters.text(value));
        }
    }

    private void indent(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot end an XMLTV export: " + e.getMessage(), e);
        }
    }
}
