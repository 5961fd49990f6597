package headwater.domain.vod;

import java.net.URI;

/** Reads the technical description of a film or episode from its source. */
public interface MediaProbe {

    /**
     * @param source a {@code file:} URI or an http(s) URL, as in {@link MovieDraft#source()}
     * @throws MediaProbeException the source is missing, unreadable, not media, or too slow to answer
     */
    MediaInfo probe(URI source);
}
