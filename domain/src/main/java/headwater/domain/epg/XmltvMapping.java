package headwater.domain.epg;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@code channel} or {@code programme} element, read as a small tree, into its value. An element that does
 * not fit its field (unexpected attributes or children, a second {@code date}) is kept as an {@link ExtraElement}, so
 * nothing read is lost; what cannot be kept at all (no channel id, a bad start time) is a reason to skip.
 */
final class XmltvMapping {
    private static final Set<String> LANG = Set.of("lang");
    private static final Set<String> SYSTEM = Set.of("system");
    private static final Set<String> NONE = Set.of();
    private static final Set<String> ICON = Set.of("src", "width", "height");

    private XmltvMapping() {
    }

    /** The channel, or a {@link Skip} with the reason. */
    static EpgChannel channel(List<XmlAttribute> attributes, List<ExtraElement> children) throws Skip {
        String id = null;
        List<XmlAttribute> others = new ArrayList<>();
        for (XmlAttribute a : attributes) {
            if (a.name().equals("id") && id == null) {
                id = a.value();
            } else {
                others.add(a);
            }
        }
        if (id == null || id.isBlank()) {
            throw new Skip("has no id attribute");
        }
        List<LocalizedText> names = new ArrayList<>();
        List<Icon> icons = new ArrayList<>();
        List<ChannelUrl> urls = new ArrayList<>();
        List<ExtraElement> extras = new ArrayList<>();
        for (ExtraElement e : children) {
            switch (e.name()) {
                case "display-name" -> {
                    if (fits(e, LANG, false)) {
                        names.add(localized(e));
                    } else {
                        extras.add(e);
                    }
                }
                case "icon" -> {
                    Icon icon = icon(e);
                    if (icon != null) {
                        icons.add(icon);
                    } else {
                        extras.add(e);
                    }
                }
                case "url" -> {
                    if (fits(e, SYSTEM, false)) {
                        urls.add(new ChannelUrl(e.text(), e.attribute("system")));
                    } else {
                        extras.add(e);
                    }
                }
                default -> extras.add(e);
            }
        }
        return new EpgChannel(id, names, icons, urls, others, extras);
    }

    /** The programme, or a {@link Skip} with the reason; {@code warnings} receives what was read with a loss. */
    static Programme programme(List<XmlAttribute> attributes, List<ExtraElement> children, ZoneId zone,
                               List<String> warnings) throws Skip {
        String channel = null;
        String startText = null;
        String stopText = null;
        String catchupId = null;
        List<XmlAttribute> others = new ArrayList<>();
        for (XmlAttribute a : attributes) {
            switch (a.name()) {
                case "channel" -> channel = a.value();
                case "start" -> startText = a.value();
                case "stop" -> stopText = a.value();
                case "catchup-id" -> catchupId = a.value();
                default -> others.add(a);
            }
        }
        if (channel == null || channel.isBlank()) {
            throw new Skip("has no channel attribute");
        }
        if (startText == null) {
            throw new Skip("of channel '" + channel + "' has no start attribute");
        }
        Instant start = time("start", startText, zone, channel);
        Instant stop = stopText == null ? null : time("stop", stopText, zone, channel);
        if (stop != null && stop.isBefore(start)) {
            throw new Skip("of channel '" + channel + "' stops at " + stop + ", before its start " + start);
        }
        Programme.Builder b = Programme.builder(channel, start).stop(stop).catchupId(catchupId);
        others.forEach(b::otherAttribute);
        for (ExtraElement e : children) {
            if (!addTyped(b, e, warnings)) {
                b.extra(e);
            }
        }
        return b.build();
    }

    private static boolean addTyped(Programme.Builder b, ExtraElement e, List<String> warnings) {
        switch (e.name()) {
            case "title", "sub-title", "desc", "category" -> {
                if (!fits(e, LANG, false)) {
                    return false;
                }
                LocalizedText t = localized(e);
                switch (e.name()) {
                    case "title" -> b.title(t);
                    case "sub-title" -> b.subTitle(t);
                    case "desc" -> b.description(t);
                    default -> b.category(t);
                }
                return true;
            }
            case "credits" -> {
                List<Credit> credits = credits(e);
                if (credits == null || b.hasCredits()) {
                    return false;
                }
                credits.forEach(b::credit);
                return true;
            }
            case "date" -> {
                if (!fits(e, NONE, false) || b.hasDate()) {
                    return false;
                }
                b.date(e.text());
                return true;
            }
            case "length" -> {
                ProgrammeLength length = length(e);
                if (length == null || b.hasLength()) {
                    if (length == null) {
                        warnings.add("length '" + e.text() + "' units '" + e.attribute("units")
                                + "' is not a length in seconds, minutes or hours; kept as written");
                    }
                    return false;
                }
                b.length(length);
                return true;
            }
            case "icon" -> {
                Icon icon = icon(e);
                if (icon == null) {
                    return false;
                }
                b.icon(icon);
                return true;
            }
            case "episode-num" -> {
                if (!fits(e, SYSTEM, false)) {
                    return false;
                }
                String system = e.attribute("system");
                b.episodeNumber(new EpisodeNumber(system == null ? EpisodeNumber.ONSCREEN : system, e.text()));
                return true;
            }
            case "previously-shown" -> {
                if (!fits(e, Set.of("start", "channel"), false) || !e.text().isEmpty() || b.hasPreviouslyShown()) {
                    return false;
                }
                b.previouslyShown(new PreviouslyShown(e.attribute("start"), e.attribute("channel")));
                return true;
            }
            case "premiere" -> {
                if (!fits(e, LANG, false) || b.hasPremiere()) {
                    return false;
                }
                b.premiere(localized(e));
                return true;
            }
            case "new" -> {
                if (!fits(e, NONE, false) || !e.text().isEmpty() || b.isNewSet()) {
                    return false;
                }
                b.isNew(true);
                return true;
            }
            case "rating", "star-rating" -> {
                Rating rating = rating(e);
                if (rating == null) {
                    return false;
                }
                if (e.name().equals("rating")) {
                    b.rating(rating);
                } else {
                    b.starRating(rating);
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static Instant time(String attribute, String text, ZoneId zone, String channel) throws Skip {
        try {
            return XmltvTime.parse(text, zone);
        } catch (DateTimeException e) {
            throw new Skip("of channel '" + channel + "' has a bad " + attribute + ": " + e.getMessage());
        }
    }

    private static boolean fits(ExtraElement e, Set<String> attributes, boolean children) {
        if (!children && !e.children().isEmpty()) {
            return false;
        }
        for (XmlAttribute a : e.attributes()) {
            if (!attributes.contains(a.name())) {
                return false;
            }
        }
        return e.attributes().stream().map(XmlAttribute::name).distinct().count() == e.attributes().size();
    }

    private static LocalizedText localized(ExtraElement e) {
        return new LocalizedText(e.text(), e.attribute("lang"));
    }

    private static Icon icon(ExtraElement e) {
        if (!fits(e, ICON, false) || !e.text().isEmpty() || e.attribute("src") == null) {
            return null;
        }
        try {
            Integer width = e.attribute("width") == null ? null : pixels(e.attribute("width"));
            Integer height = e.attribute("height") == null ? null : pixels(e.attribute("height"));
            return new Icon(e.attribute("src"), width, height);
        } catch (NumberFormatException notPixels) {
            return null;
        }
    }

    private static Integer pixels(String text) {
        int n = Integer.parseInt(text);
        if (n < 0 || !Integer.toString(n).equals(text)) {
            throw new NumberFormatException(text);
        }
        return n;
    }

    private static List<Credit> credits(ExtraElement e) {
        if (!fits(e, NONE, true) || !e.text().isEmpty() || e.children().isEmpty()) {
            return null;
        }
        List<Credit> credits = new ArrayList<>();
        for (ExtraElement c : e.children()) {
            Credit.Kind kind = Credit.Kind.ofElement(c.name());
            if (kind == null) {
                return null;
            }
            Set<String> allowed = kind == Credit.Kind.ACTOR ? Set.of("role", "guest") : NONE;
            String guest = c.attribute("guest");
            if (!fits(c, allowed, false) || guest != null && !guest.equals("yes")) {
                return null;
            }
            credits.add(new Credit(kind, c.text(), c.attribute("role"), guest != null));
        }
        return credits;
    }

    private static ProgrammeLength length(ExtraElement e) {
        if (!fits(e, Set.of("units"), false)) {
            return null;
        }
        ProgrammeLength.Unit unit = ProgrammeLength.Unit.ofAttribute(e.attribute("units"));
        if (unit == null || e.text().isEmpty() || e.text().length() > 12) {
            return null;
        }
        for (int i = 0; i < e.text().length(); i++) {
            if (e.text().charAt(i) < '0' || e.text().charAt(i) > '9') {
                return null;
            }
        }
        long value = Long.parseLong(e.text());
        if (!Long.toString(value).equals(e.text())) {
            return null;
        }
        return new ProgrammeLength(value, unit);
    }

    private static Rating rating(ExtraElement e) {
        if (!fits(e, SYSTEM, true) || !e.text().isEmpty()) {
            return null;
        }
        String value = null;
        List<Icon> icons = new ArrayList<>();
        for (ExtraElement c : e.children()) {
            if (c.name().equals("value") && value == null && fits(c, NONE, false)) {
                value = c.text();
            } else if (c.name().equals("icon") && icon(c) != null) {
                icons.add(icon(c));
            } else {
                return null;
            }
        }
        return value == null ? null : new Rating(e.attribute("system"), value, icons);
    }

    /** Why a channel or programme is not kept. */
    static final class Skip extends Exception {
        Skip(String reason) {
            super(reason, null, false, false);
        }
    }
}
