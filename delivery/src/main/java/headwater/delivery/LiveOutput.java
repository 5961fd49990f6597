package headwater.delivery;

import java.util.Optional;

/**
 * What one live channel offers to viewers: its HLS playlists, its segments and its continuous MPEG-TS stream.
 *
 * <p>Every method is called on a Vert.x event loop and must return at once without blocking: answer from memory
 * (the headend's segment window), never by reading or statting files.
 */
public interface LiveOutput {

    /**
     * The multivariant playlist (RFC 8216 §4.4.6). Its variant URI must be the relative {@code media.m3u8}.
     *
     * @return the playlist, or {@link Playlist.NotReady} until the channel knows its codecs and bandwidth
     */
    Playlist multivariantPlaylist();

    /**
     * The media playlist (RFC 8216 §4.4.3) of the channel's sliding window. Segment URIs must be the relative
     * {@code <mediaSequence>.ts}, the decimal media sequence number without leading zeros.
     *
     * @return the playlist, or {@link Playlist.NotReady} before the first segment is published
     */
    Playlist mediaPlaylist();

    /**
     * A published segment by media sequence number.
     *
     * @param mediaSequence the segment's media sequence number, never negative
     * @return the file of the segment, or why it cannot be served
     */
    SegmentLookup segment(long mediaSequence);

    /**
     * A content key of the channel's encrypted segments, as their {@code EXT-X-KEY} names it ({@code key/{keyId}.key}):
     * 16 bytes, served only to a session of this channel. Answered from memory.
     *
     * @return the key, or empty for an unknown id, a key no longer kept, or a channel in the clear
     */
    default Optional<byte[]> key(String keyId) {
        return Optional.empty();
    }

    /** The channel's continuous MPEG-TS stream, for set-top boxes and apps that want plain {@code .ts}. */
    TsFeed transportStream();
}
