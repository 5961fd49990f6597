package headwater.store.guide;

import headwater.domain.epg.ChannelUrl;
import headwater.domain.epg.Credit;
import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.EpisodeNumber;
import headwater.domain.epg.ExtraElement;
import headwater.domain.epg.Icon;
import headwater.domain.epg.LocalizedText;
import headwater.domain.epg.PreviouslyShown;
import headwater.domain.epg.Programme;
import headwater.domain.epg.ProgrammeLength;
import headwater.domain.epg.Rating;
import headwater.domain.epg.XmlAttribute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code details} column: everything of a programme but its channel, start and stop (which are columns), and
 * everything of an XMLTV channel but its id, in a compact binary form (varints and length-prefixed UTF-8, led by a
 * format version). Decoding gives values equal to those encoded. Not thread-safe: one per writer.
 */
final class GuideCodec {

    private static final int VERSION = 1;
    private static final Credit.Kind[] KINDS = Credit.Kind.values();
    private static final ProgrammeLength.Unit[] UNITS = ProgrammeLength.Unit.values();

    private final Bytes out = new Bytes();

    byte[] programme(Programme p) {
        out.reset();
        out.writeByte(VERSION);
        out.writeString(p.catchupId());
        texts(p.titles());
        texts(p.subTitles());
        texts(p.descriptions());
        out.writeVarLong(p.credits().size());
        for (Credit c : p.credits()) {
            out.writeByte(c.kind().ordinal());
            out.writeString(c.name());
            out.writeString(c.role());
            out.writeByte(c.guest() ? 1 : 0);
        }
        out.writeString(p.date());
        texts(p.categories());
        if (p.length() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1 + p.length().unit().ordinal());
            out.writeVarLong(p.length().value());
        }
        icons(p.icons());
        out.writeVarLong(p.episodeNumbers().size());
        for (EpisodeNumber n : p.episodeNumbers()) {
            out.writeString(n.system());
            out.writeString(n.value());
        }
        if (p.previouslyShown() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeString(p.previouslyShown().start());
            out.writeString(p.previouslyShown().channel());
        }
        if (p.premiere() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            text(p.premiere());
        }
        out.writeByte(p.isNew() ? 1 : 0);
        ratings(p.ratings());
        ratings(p.starRatings());
        attributes(p.otherAttributes());
        extras(p.extras());
        return out.toArray();
    }

    static Programme programme(String channelId, Instant start, Instant stop, byte[] details) {
        Bytes.Reader in = reader(details);
        Programme.Builder b = Programme.builder(channelId, start).stop(stop).catchupId(in.readString());
        texts(in).forEach(b::title);
        texts(in).forEach(b::subTitle);
        texts(in).forEach(b::description);
        for (int i = in.readCount(); i > 0; i--) {
            Credit.Kind kind = KINDS[in.readByte()];
            b.credit(new Credit(kind, in.readString(), in.readString(), in.readByte() == 1));
        }
        b.date(in.readString());
        texts(in).forEach(b::category);
        int unit = in.readByte();
        if (unit > 0) {
            b.length(new ProgrammeLength(in.readVarLong(), UNITS[unit - 1]));
        }
        icons(in).forEach(b::icon);
        for (int i = in.readCount(); i > 0; i--) {
            b.episodeNumber(new EpisodeNumber(in.readString(), in.readString()));
        }
        if (in.readByte() == 1) {
            b.previouslyShown(new PreviouslyShown(in.readString(), in.readString()));
        }
        if (in.readByte() == 1) {
            b.premiere(text(in));
        }
        b.isNew(in.readByte() == 1);
        ratings(in).forEach(b::rating);
        ratings(in).forEach(b::starRating);
        attributes(in).forEach(b::otherAttribute);
        extras(in).forEach(b::extra);
        return b.build();
    }

    byte[] channel(EpgChannel c) {
        out.reset();
        out.writeByte(VERSION);
        texts(c.displayNames());
        icons(c.icons());
        out.writeVarLong(c.urls().size());
        for (ChannelUrl u : c.urls()) {
            out.writeString(u.url());
            out.writeString(u.system());
        }
        attributes(c.otherAttributes());
        extras(c.extras());
        return out.toArray();
    }

    static EpgChannel channel(String id, byte[] details) {
        Bytes.Reader in = reader(details);
        List<LocalizedText> names = texts(in);
        List<Icon> icons = icons(in);
        List<ChannelUrl> urls = new ArrayList<>();
        for (int i = in.readCount(); i > 0; i--) {
            urls.add(new ChannelUrl(in.readString(), in.readString()));
        }
        return new EpgChannel(id, names, icons, urls, attributes(in), extras(in));
    }

    private static Bytes.Reader reader(byte[] details) {
        Bytes.Reader in = new Bytes.Reader(details);
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("stored guide details have format version " + version + "; this build "
                    + "reads version " + VERSION);
        }
        return in;
    }

    private void text(LocalizedText t) {
        out.writeString(t.text());
        out.writeString(t.lang());
    }

    private static LocalizedText text(Bytes.Reader in) {
        return new LocalizedText(in.readString(), in.readString());
    }

    private void texts(List<LocalizedText> texts) {
        out.writeVarLong(texts.size());
        texts.forEach(this::text);
    }

    private static List<LocalizedText> texts(Bytes.Reader in) {
        int n = in.readCount();
        List<LocalizedText> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(text(in));
        }
        return texts;
    }

    private void icons(List<Icon> icons) {
        out.writeVarLong(icons.size());
        for (Icon icon : icons) {
            out.writeString(icon.src());
            out.writeVarLong(icon.width() == null ? 0 : icon.width() + 1L);
            out.writeVarLong(icon.height() == null ? 0 : icon.height() + 1L);
        }
    }

    private static List<Icon> icons(Bytes.Reader in) {
        int n = in.readCount();
        List<Icon> icons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String src = in.readString();
            long width = in.readVarLong();
            long height = in.readVarLong();
            icons.add(new Icon(src, width == 0 ? null : (int) (width - 1), height == 0 ? null : (int) (height - 1)));
        }
        return icons;
    }

    private void ratings(List<Rating> ratings) {
        out.writeVarLong(ratings.size());
        for (Rating r : ratings) {
            out.writeString(r.system());
            out.writeString(r.value());
            icons(r.icons());
        }
    }

    private static List<Rating> ratings(Bytes.Reader in) {
        int n = in.readCount();
        List<Rating> ratings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ratings.add(new Rating(in.readString(), in.readString(), icons(in)));
        }
        return ratings;
    }

    private void attributes(List<XmlAttribute> attributes) {
        out.writeVarLong(attributes.size());
        for (XmlAttribute a : attributes) {
            out.writeString(a.name());
            out.writeString(a.value());
        }
    }

    private static List<XmlAttribute> attributes(Bytes.Reader in) {
        int n = in.readCount();
        List<XmlAttribute> attributes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            attributes.add(new XmlAttribute(in.readString(), in.readString()));
        }
        return attributes;
    }

    private void extras(List<ExtraElement> extras) {
        out.writeVarLong(extras.size());
        for (ExtraElement e : extras) {
            out.writeString(e.name());
            attributes(e.attributes());
            out.writeString(e.text());
            extras(e.children());
        }
    }

    private static List<ExtraElement> extras(Bytes.Reader in) {
        int n = in.readCount();
        List<ExtraElement> extras = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            extras.add(new ExtraElement(in.readString(), attributes(in), in.readString(), extras(in)));
        }
        return extras;
    }
}
