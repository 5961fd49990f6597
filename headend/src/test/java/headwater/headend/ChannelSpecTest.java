package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelSpecTest {
    private static final List<URI> SOURCES = List.of(URI.create("udp://239.1.1.1:5000"), URI.create("file:///a.ts"));

    @Test
    void defaults() {
        ChannelSpec spec = ChannelSpec.of("news-hd", "News HD", SOURCES);
        assertThat(spec.targetDuration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(spec.window()).isEqualTo(6);
        assertThat(spec.health().noData()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.health().noVideo()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.backoff()).isEqualTo(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(spec.slate()).isNull();
        assertThat(spec.archiveDays()).isZero();
        assertThat(spec.withArchiveDays(7).archiveDays()).isEqualTo(7);
        assertThat(spec.withArchiveDays(7).withWindow(4, 0).archiveDays()).as("kept by every with*").isEqualTo(7);
        assertThat(spec.sourceAt(1)).isEqualTo(URI.create("file:///a.ts"));
        assertThat(spec.withSlate(URI.create("file:///slate.ts")).sourceAt(2)).isEqualTo(URI.create("file:///slate.ts"));
    }

    @Test
    void errorsNameTheFieldAndTheChannel() {
        assertThatThrownBy(() -> ChannelSpec.of("News HD", "News", SOURCES))
                .hasMessage("channel id 'News HD' must be a slug of 1..64 characters: lower-case letters, digits and single dashes");
        assertThatThrownBy(() -> ChannelSpec.of("news", " ", SOURCES)).hasMessage("channel news: name must not be blank");
        assertThatThrownBy(() -> ChannelSpec.of("news", "News", List.of()))
                .hasMessage("channel news: sources must list at least one source URI");
        assertThatThrownBy(() -> ChannelSpec.of("news", "News", List.of(URI.create("udp://x:1"), URI.create("a.ts"))))
                .hasMessage("channel news: sources[1] must be an absolute URI with a scheme, got 'a.ts'");
        ChannelSpec ok = ChannelSpec.of("news", "News", SOURCES);
        assertThatThrownBy(() -> ok.withWindow(2, 0))
                .hasMessage("channel news: window must list at least 3 segments (RFC 8216 §6.2.2), got 2");
        assertThatThrownBy(() -> ok.withWindow(6, -1)).hasMessage("channel news: extraOnDisk must be 0 or more, got -1");
        assertThatThrownBy(() -> ok.withTargetDuration(Duration.ofMillis(500)))
                .hasMessage("channel news: targetDuration must be between 1 s and 30 s, got PT0.5S");
        assertThatThrownBy(() -> ok.withArchiveDays(-1))
                .hasMessage("channel news: archiveDays must be between 0 and 365, got -1");
        assertThatThrownBy(() -> ok.withArchiveDays(366))
                .hasMessage("channel news: archiveDays must be between 0 and 365, got 366");
        assertThatThrownBy(() -> ok.withSlate(URI.create("slate.ts")))
                .hasMessage("channel news: slate must be an absolute URI with a scheme, got 'slate.ts'");
        assertThatThrownBy(() -> new HealthThresholds(Duration.ZERO, Duration.ofSeconds(1), 1, Duration.ofSeconds(1)))
                .hasMessage("health.noData must be a positive duration, got PT0S");
        assertThatThrownBy(() -> new HealthThresholds(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofSeconds(1)))
                .hasMessage("health.ccErrorsPerSecond must be a positive number, got 0.0");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("backoff.max must be at least backoff.initial (PT2S), got PT1S");
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Backoff b = Backoff.DEFAULTS;
        assertThat(List.of(b.delay(1), b.delay(2), b.delay(3), b.delay(5), b.delay(6), b.delay(100)))
                .extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 16L, 30L, 30L);
    }

    @Test
    void chainSkipsRestingSourcesAndForgivesAStableOne() {
        SourceChain chain = new SourceChain(3, Backoff.DEFAULTS, Duration.ofSeconds(8));
        long now = 1_000_000_000_000L;
        assertThat(chain.firstAvailable(3, now)).isZero();
        assertThat(chain.failed(0, now, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(chain.firstAvailable(3, now)).isEqualTo(1);
        assertThat(chain.failed(0, now, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(chain.firstAvailable(1, now + 1_500_000_000L)).isEqualTo(-1);
        assertThat(chain.firstAvailable(1, now + 2_000_000_000L)).isZero();
        assertThat(chain.earliestRetry(1, now)).isEqualTo(now + 2_000_000_000L);
        assertThat(chain.failed(0, now, Duration.ofSeconds(9).toNanos())).isEqualTo(Duration.ofSeconds(1));
    }
}
