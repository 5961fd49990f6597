package headwater.api.xtream;

import java.time.Duration;

/**
 * What the media entry answers: a redirect into the session, or a refusal in plain text.
 *
 * @param location   the absolute {@code /s/…} URL of a 302, else null
 * @param text       the plain-text body (one line), empty for a redirect
 * @param retryAfter the {@code Retry-After} of a 429 or 503, else null
 */
record MediaReply(int status, String location, String text, Duration retryAfter) {

    static MediaReply redirect(String location) {
        return new MediaReply(302, location, "", null);
    }

    static MediaReply refusal(int status, String text) {
        return new MediaReply(status, null, text + "\n", null);
    }

    static MediaReply later(int status, String text, Duration retryAfter) {
        return new MediaReply(status, null, text + "\n", retryAfter);
    }

    /** Whole seconds, at least 1, for {@code Retry-After}. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
