package headwater.domain.epg;

import java.util.Objects;

/** A channel's {@code url} element: a web page about the channel, with the optional {@code system} attribute. */
public record ChannelUrl(String url, String system) {
    public ChannelUrl {
        Objects.requireNonNull(url, "url");
    }
}
