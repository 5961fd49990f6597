package headwater.bench.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorCountsTest {

    private static final String TOKEN = "3a3cb34f8ca5873061e5f6dba1c5e287-6b02d49c-1-41ae335cdf20f6099a505b7189309fbd";

    @Test
    void failuresOfOneKindCountTogetherWithoutTheirUriOrToken() {
        ErrorCounts errors = new ErrorCounts();
        errors.failure("segment", new TimeoutException("The timeout period of 30000ms has been exceeded while executing"
                + " GET /s/" + TOKEN + "/live/bench/7.ts for server 127.0.0.1:28473"));
        errors.failure("segment", new TimeoutException("The timeout period of 30000ms has been exceeded while executing"
                + " GET /s/0" + TOKEN.substring(1) + "/live/bench/8.ts for server 127.0.0.1:28473"));
        errors.failure("playlist", new IOException("refused at /s/" + TOKEN + "/live/bench/media.m3u8"));

        assertThat(errors.total()).isEqualTo(3);
        assertThat(errors.mostFrequent(10)).containsExactly(
                java.util.Map.entry("segment: I/O TimeoutException: The timeout period of 30000ms has been exceeded", 2L),
                java.util.Map.entry("playlist: I/O IOException: refused at /s/{token}/live/bench/media.m3u8", 1L));
        assertThat(errors.mostFrequent(10).keySet()).noneMatch(kind -> kind.contains(TOKEN.substring(0, 16)));
    }

    @Test
    void mostFrequentFirstAndAtMostTheNumberAsked() {
        ErrorCounts errors = new ErrorCounts();
        errors.status("segment", 403);
        errors.status("playlist", 503);
        errors.status("playlist", 503);
        errors.count("segment: short body");
        assertThat(errors.kinds()).isEqualTo(3);
        assertThat(errors.mostFrequent(2)).containsExactly(java.util.Map.entry("playlist: HTTP 503", 2L),
                java.util.Map.entry("segment: HTTP 403", 1L));
    }
}
