package headwater.domain.vod;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;

/**
 * The main video stream of a film or episode.
 *
 * @param codec     ffprobe's codec name ({@code h264}, {@code hevc}, {@code mpeg2video})
 * @param width     in pixels; 0 when the container does not say
 * @param height    in pixels; 0 when the container does not say
 * @param frameRate frames per second ({@code 25.0}, {@code 29.97}); 0 when not known
 */
public record VideoTrack(String codec, int width, int height, double frameRate) {

    public static final int MAX_DIMENSION = 65_535;
    public static final double MAX_FRAME_RATE = 1000.0;

    public VideoTrack {
        VodCheck.token("video", "codec", codec);
        Check.range("video", "width", width, 0, MAX_DIMENSION);
        Check.range("video", "height", height, 0, MAX_DIMENSION);
        if (!(frameRate >= 0.0 && frameRate <= MAX_FRAME_RATE)) {
            throw new InvalidValueException("video", "frameRate", "is " + frameRate + ": must be between 0 and "
                    + MAX_FRAME_RATE);
        }
    }
}
