package headwater.domain.guide;

import java.util.Objects;

/**
 * A catalogue channel fed by an XMLTV channel of a source.
 *
 * @param channelId the catalogue channel
 * @param xmltvId   the XMLTV channel
 * @param by        how they were matched
 */
public record ChannelLink(String channelId, String xmltvId, By by) {

    public ChannelLink {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(xmltvId, "xmltvId");
        Objects.requireNonNull(by, "by");
    }

    /** The two ways a catalogue channel finds its XMLTV channel, in the order they are tried. */
    public enum By {
        /** The catalogue channel's EPG channel id equals the XMLTV channel id. */
        ID,
        /** A display name of the XMLTV channel equals the catalogue channel's name (ignoring case and accents). */
        NAME
    }
}
