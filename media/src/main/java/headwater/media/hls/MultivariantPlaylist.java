package headwater.media.hls;

import java.util.List;

/**
 * A multivariant playlist (RFC 8216 §4.3.4): the renditions of a channel a player chooses from.
 *
 * @param independentSegments whether {@code EXT-X-INDEPENDENT-SEGMENTS} applies to every media playlist
 */
public record MultivariantPlaylist(boolean independentSegments, List<VariantStream> variants) implements Playlist {
    public MultivariantPlaylist {
        variants = List.copyOf(variants);
    }
}
