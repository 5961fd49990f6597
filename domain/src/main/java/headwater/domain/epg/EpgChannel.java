package headwater.domain.epg;

import java.util.List;
import java.util.Objects;

/**
 * An XMLTV {@code channel}: the id programmes refer to, its names (often several, in several languages), icons and
 * web pages.
 *
 * @param otherAttributes attributes other than {@code id}, in the order read
 * @param extras child elements without a field of their own (a provider's {@code lcn}, {@code desc}), DTD order
 */
public record EpgChannel(String id, List<LocalizedText> displayNames, List<Icon> icons, List<ChannelUrl> urls,
                         List<XmlAttribute> otherAttributes, List<ExtraElement> extras) {
    public EpgChannel {
        Objects.requireNonNull(id, "id");
        displayNames = List.copyOf(displayNames);
        icons = List.copyOf(icons);
        urls = List.copyOf(urls);
        otherAttributes = List.copyOf(otherAttributes);
        extras = XmltvElementOrder.sorted(extras, XmltvElementOrder.CHANNEL);
    }

    public static EpgChannel of(String id, String displayName) {
        return new EpgChannel(id, List.of(LocalizedText.of(displayName)), List.of(), List.of(), List.of(), List.of());
    }
}
