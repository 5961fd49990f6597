package headwater.app.vod;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a failed probe is reported and retried: once per source, with a doubling delay up to a day. */
class ProbeFailuresTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final URI NOTES = URI.create("file:///srv/notes.txt");
    private static final URI FILM = URI.create("file:///srv/film.mkv");

    @Test
    void a_failure_is_reported_once_per_source_and_retried_later_and_later() {
        ProbeFailures failures = new ProbeFailures();
        assertThat(failures.waiting("movie:a", NOTES, T0)).as("never failed").isFalse();

        assertThat(failures.record("movie:a", NOTES, T0)).as("first failure of this source: logged").isTrue();
        Instant retry = T0.plus(ProbeFailures.FIRST_RETRY);
        assertThat(failures.waiting("movie:a", NOTES, retry.minusMillis(1))).isTrue();
        assertThat(failures.waiting("movie:a", NOTES, retry)).isFalse();
        assertThat(failures.waiting("movie:a", FILM, T0)).as("a new source is probed at once").isFalse();
        assertThat(failures.waiting("movie:b", NOTES, T0)).as("failures are per film").isFalse();

        assertThat(failures.record("movie:a", NOTES, retry)).as("the same source again: not logged").isFalse();
        assertThat(failures.waiting("movie:a", NOTES, retry.plus(ProbeFailures.FIRST_RETRY.multipliedBy(2)).minusMillis(1)))
                .as("the delay doubles").isTrue();

        Instant now = retry;
        for (int i = 0; i < 20; i++) {
            now = now.plus(Duration.ofDays(2));
            failures.record("movie:a", NOTES, now);
        }
        assertThat(failures.waiting("movie:a", NOTES, now.plus(ProbeFailures.MAX_RETRY))).as("capped at a day").isFalse();

        assertThat(failures.record("movie:a", FILM, now)).as("a new source that fails: logged").isTrue();
        assertThat(failures.waiting("movie:a", FILM, now.plus(ProbeFailures.FIRST_RETRY).minusMillis(1))).isTrue();
        assertThat(failures.waiting("movie:a", FILM, now.plus(ProbeFailures.FIRST_RETRY))).as("back to the first delay")
                .isFalse();

        failures.retain(Set.of("movie:b"));
        assertThat(failures.waiting("movie:a", FILM, now)).as("a deleted film's failure is forgotten").isFalse();
    }
}
