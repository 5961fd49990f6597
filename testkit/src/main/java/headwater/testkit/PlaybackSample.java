package headwater.testkit;

import java.time.Duration;

/**
 * The state of the page's {@code <video>} element at one moment, read through JavaScript.
 *
 * @param at time since the page was loaded
 * @param currentTime {@code video.currentTime}, seconds
 * @param readyState {@code video.readyState}: 0 nothing, 1 metadata, 2 current data, 3 future data, 4 enough data
 * @param error {@code "code: message"} of {@code video.error}, or of a rejected {@code play()}; {@code null} if none
 */
public record PlaybackSample(Duration at, double currentTime, int readyState, int videoWidth, int videoHeight,
        boolean paused, String error) {}
