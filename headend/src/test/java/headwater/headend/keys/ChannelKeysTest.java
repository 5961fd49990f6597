package headwater.headend.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelKeysTest {
    private static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingKeyStore store = new RecordingKeyStore();

    @Test
    void keepsOneKeyForTheRotationPeriodThenRetiresItForANewOne() {
        ChannelKeys keys = new StreamKeys(store, clock, Duration.ofMinutes(10)).channel("news", Duration.ofHours(1));
        StreamKey first = keys.current();
        clock.advance(Duration.ofMinutes(9));
        assertThat(keys.current()).isEqualTo(first);
        clock.advance(Duration.ofMinutes(1));
        StreamKey second = keys.current();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(keys.key(first.id())).hasValueSatisfying(k -> assertThat(k).isEqualTo(first.key()));
        assertThat(store.calls).containsExactly("load news", "save news " + first.id(), "retire news " + first.id(),
                "save news " + second.id());
        assertThat(store.stored("news")).extracting(StreamKey::retired).containsExactly(T0.plusSeconds(600), null);
    }

    @Test
    void forgetsRetiredKeysOnceNoSegmentCanNeedThem() {
        ChannelKeys keys = new StreamKeys(store, clock, Duration.ofMinutes(10)).channel("news", Duration.ofMinutes(25));
        StreamKey first = keys.current();
        clock.advance(Duration.ofMinutes(10));
        keys.current(); // first retired at +10
        clock.advance(Duration.ofMinutes(10));
        keys.current(); // second retired at +20; first retired 10 min ago: kept
        assertThat(keys.key(first.id())).isPresent();
        clock.advance(Duration.ofMinutes(20));
        keys.current(); // at +40: first retired 30 min ago, more than 25: gone
        assertThat(keys.key(first.id())).isEmpty();
        assertThat(store.stored("news")).extracting(StreamKey::id).doesNotContain(first.id()).hasSize(3);
    }

    @Test
    void aRestartGoesOnWithTheStoredCurrentKeyAndKnowsTheRetiredOnes() {
        ChannelKeys before = new StreamKeys(store, clock, Duration.ofMinutes(10)).channel("news", Duration.ofHours(1));
        StreamKey first = before.current();
        clock.advance(Duration.ofMinutes(10));
        StreamKey second = before.current();
        clock.advance(Duration.ofMinutes(1));
        ChannelKeys after = new StreamKeys(store, clock, Duration.ofMinutes(10)).channel("news", Duration.ofHours(1));
        assertThat(after.current()).isEqualTo(second);
        assertThat(after.key(first.id())).isPresent();
    }

    @Test
    void keysAndIvsAreRandomAndKeysNeverShowInText() {
        StreamKeys all = new StreamKeys(StreamKeyStore.MEMORY, clock, Duration.ofSeconds(1));
        ChannelKeys keys = all.channel("news", Duration.ofHours(1));
        Set<String> ids = new HashSet<>();
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            StreamKey k = keys.current();
            ids.add(k.id());
            ivs.add(java.util.HexFormat.of().formatHex(keys.newIv()));
            assertThat(k.toString()).doesNotContain(java.util.HexFormat.of().formatHex(k.key()));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(ids).hasSize(50);
        assertThat(ivs).hasSize(50);
        assertThat(all.key("news", keys.current().id())).isPresent();
        assertThat(all.key("other", keys.current().id())).isEmpty();
    }

    @Test
    void aStoreThatFailsCostsThePersistenceNotTheChannel() {
        StreamKeyStore broken = new StreamKeyStore() {
            @Override
            public java.util.List<StreamKey> load(String channel) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void save(String channel, StreamKey key) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void retire(String channel, String keyId, Instant at) {
                throw new IllegalStateException("database down");
            }

            @Override
            public int purge(String channel, Instant before) {
                throw new IllegalStateException("database down");
            }
        };
        ChannelKeys keys = new StreamKeys(broken, clock, Duration.ofMinutes(10)).channel("news", Duration.ofHours(1));
        StreamKey k = keys.current();
        assertThat(keys.key(k.id())).isPresent();
    }

    @Test
    void refusesARotationShorterThanASecond() {
        assertThatThrownBy(() -> new StreamKeys(store, clock, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 s");
    }
}
