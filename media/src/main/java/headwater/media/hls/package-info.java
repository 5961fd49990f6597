/**
 * HLS (RFC 8216) packaging of MPEG-TS without re-encoding, and the playlists that describe it.
 *
 * <p>Flow: {@code TsDemuxer} &rarr; {@link headwater.media.hls.HlsSegmenter} (a {@code DemuxListener}) &rarr;
 * {@link headwater.media.hls.SegmentSink} (begin / write / end, one {@link headwater.media.hls.MediaSegment} each)
 * &rarr; {@link headwater.media.hls.MediaPlaylist#of} over a window of segments &rarr;
 * {@link headwater.media.hls.PlaylistWriter}. The multivariant playlist lists one
 * {@link headwater.media.hls.VariantStream} per rendition, described from the segmenter's stream formats and the
 * segments' sizes ({@link headwater.media.hls.VariantStream#describe}).
 *
 * <p>{@link headwater.media.hls.PlaylistParser} reads playlists from outside (an {@code hls+http} source): it resolves
 * URIs against the playlist's URI but does not judge them; the caller checks schemes and hosts before fetching, and
 * refuses sources whose segments are not MPEG-TS (an {@code EXT-X-MAP} means fMP4).
 */
package headwater.media.hls;
