package headwater.media.ts;

/**
 * What the bitstream says about an elementary stream, read from its SPS, ADTS header or sync frame.
 *
 * @param codecs the RFC 6381 codecs value as HLS wants it in {@code CODECS} (e.g. {@code avc1.64001f},
 *     {@code hvc1.1.6.L93.B0}, {@code mp4a.40.2}, {@code ac-3}, {@code ec-3}, {@code mp4a.40.34})
 * @param width luma width in pixels, 0 for audio
 * @param height luma height in pixels, 0 for audio
 * @param frameRate frames per second when the SPS declares timing, else 0
 * @param sampleRate audio samples per second, 0 for video
 * @param channels audio channel count, 0 for video
 */
public record StreamFormat(Codec codec, String codecs, int width, int height, double frameRate, int sampleRate, int channels) {
    public static StreamFormat video(Codec codec, String codecs, int width, int height, double frameRate) {
        return new StreamFormat(codec, codecs, width, height, frameRate, 0, 0);
    }

    public static StreamFormat audio(Codec codec, String codecs, int sampleRate, int channels) {
        return new StreamFormat(codec, codecs, 0, 0, 0, sampleRate, channels);
    }
}
