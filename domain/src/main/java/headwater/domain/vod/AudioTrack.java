package headwater.domain.vod;

import headwater.domain.catalog.Check;

/**
 * One audio stream of a film or episode.
 *
 * @param codec    ffprobe's codec name ({@code aac}, {@code ac3}, {@code eac3})
 * @param channels 1 for mono, 2 for stereo, 6 for 5.1; 0 when not known
 * @param language an ISO 639 code or BCP 47 tag as the file tags it, {@code und} when it does not
 */
public record AudioTrack(String codec, int channels, String language) {

    public static final int MAX_CHANNELS = 64;
    public static final String UNDETERMINED = "und";

    public AudioTrack {
        VodCheck.token("audio", "codec", codec);
        Check.range("audio", "channels", channels, 0, MAX_CHANNELS);
        VodCheck.language("audio", "language", language);
    }
}
