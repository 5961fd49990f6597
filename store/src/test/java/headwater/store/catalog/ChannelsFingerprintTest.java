package headwater.store.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

class ChannelsFingerprintTest {

    /** A clock one millisecond later at every reading, as wall time moves on between two polls. */
    private static Clock ticking() {
        AtomicLong millis = new AtomicLong(Instant.parse("2026-11-21T06:00:00Z").toEpochMilli());
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.addAndGet(1));
            }
        };
    }

    @EachDatabase
    void changes_with_every_create_update_and_delete_and_only_then(TestStore store) {
        var channels = new JdbiChannelRepository(store.database(), ticking());
        ChannelsFingerprint empty = ChannelsFingerprint.read(store.database());
        assertThat(empty).isEqualTo(new ChannelsFingerprint(0, 0, 0, 0));

        Channel news = channels.create(ChannelDraft.of("news", 1, "News"));
        ChannelsFingerprint created = ChannelsFingerprint.read(store.database());
        assertThat(created).isNotEqualTo(empty);
        assertThat(ChannelsFingerprint.read(store.database())).as("nothing changed").isEqualTo(created);
        channels.find("news");
        assertThat(ChannelsFingerprint.read(store.database())).as("a read changes nothing").isEqualTo(created);

        channels.update(news.version(), news.draft().withEnabled(false));
        ChannelsFingerprint updated = ChannelsFingerprint.read(store.database());
        assertThat(updated).isNotEqualTo(created);

        channels.delete("news");
        channels.create(ChannelDraft.of("sport", 1, "Sport"));
        ChannelsFingerprint replaced = ChannelsFingerprint.read(store.database());
        assertThat(replaced.count()).isEqualTo(1);
        assertThat(replaced).as("one deleted and one created in between").isNotEqualTo(updated).isNotEqualTo(created);

        channels.delete("sport");
        assertThat(ChannelsFingerprint.read(store.database())).isEqualTo(empty);
        assertThat(Duration.ofMillis(replaced.lastUpdated() - created.lastUpdated())).isPositive();
    }
}
