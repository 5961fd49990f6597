/**
 * Elementary stream headers, read just far enough to name the codec and its picture or sample format: H.264 and
 * H.265 sequence parameter sets (with an Exp-Golomb {@link headwater.media.codec.BitReader} that removes emulation
 * prevention), the MPEG-2 video sequence header, AAC ADTS, AC-3/E-AC-3 and MPEG audio frame headers, and the
 * {@link headwater.media.codec.RandomAccessProbe} that tells keyframes from the NAL units in front of a picture.
 *
 * <p>Parsers return null on malformed input, never throw, and know nothing of transport streams.
 */
package headwater.media.codec;
