package headwater.domain.vod;

import headwater.domain.catalog.InvalidValueException;
import java.time.Duration;
import java.util.List;

/**
 * What a media file holds, as {@link MediaProbe} read it: what players need to pick a format and what the catalogue
 * shows (duration, resolution, languages).
 *
 * @param duration           the running time, kept to the millisecond; null when the source does not say (a live
 *                           or endless URL)
 * @param container          ffprobe's format name ({@code matroska,webm}, {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param video              the main video stream, or null for audio-only media
 * @param audio              the audio streams in file order
 * @param bitRate            the overall bit rate in bits per second, or null when not known
 * @param subtitleLanguages  the language of each subtitle stream in file order, {@code und} when untagged
 */
public record MediaInfo(Duration duration, String container, VideoTrack video, List<AudioTrack> audio, Long bitRate,
                        List<String> subtitleLanguages) {

    public static final int MAX_TRACKS = 128;

    public MediaInfo {
        if (duration != null) {
            if (duration.isNegative()) {
                throw new InvalidValueException("media", "duration", "is " + duration + ": must not be negative");
            }
            duration = Duration.ofMillis(duration.toMillis());
        }
        VodCheck.format("media", "container", container);
        if (audio == null) {
            throw new InvalidValueException("media", "audio", "is missing");
        }
        if (audio.size() > MAX_TRACKS) {
            throw new InvalidValueException("media", "audio", "has " + audio.size() + " tracks: at most " + MAX_TRACKS
                    + " allowed");
        }
        for (int i = 0; i < audio.size(); i++) {
            if (audio.get(i) == null) {
                throw new InvalidValueException("media", "audio[" + i + "]", "is missing");
            }
        }
        audio = List.copyOf(audio);
        if (bitRate != null && bitRate < 0) {
            throw new InvalidValueException("media", "bitRate", "is " + bitRate + ": must not be negative");
        }
        if (subtitleLanguages == null) {
            throw new InvalidValueException("media", "subtitleLanguages", "is missing");
        }
        if (subtitleLanguages.size() > MAX_TRACKS) {
            throw new InvalidValueException("media", "subtitleLanguages", "has " + subtitleLanguages.size()
                    + " tracks: at most " + MAX_TRACKS + " allowed");
        }
        for (int i = 0; i < subtitleLanguages.size(); i++) {
            VodCheck.language("media", "subtitleLanguages[" + i + "]", subtitleLanguages.get(i));
        }
        subtitleLanguages = List.copyOf(subtitleLanguages);
    }

    /** The audio languages in track order, with repeats. */
    public List<String> audioLanguages() {
        return audio.stream().map(AudioTrack::language).toList();
    }
}
