package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelRepository;
import headwater.headend.ChannelSpec;
import headwater.headend.Headend;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.ChannelsFingerprint;
import headwater.store.catalog.JdbiChannelRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of following the catalogue, on a real SQLite store and a real headend whose every source is refused (so
 * that nothing plays and each decision shows): what is skipped, what is retried, and that an unchanged fingerprint
 * costs no read of the channels.
 */
class CatalogueSyncTest {

    @TempDir
    Path dir;

    @Test
    void reads_the_channels_only_when_the_fingerprint_changed_or_the_last_read_is_old() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir));
             Headend headend = refusingHeadend()) {
            AtomicInteger reads = new AtomicInteger();
            ChannelRepository channels = counting(new JdbiChannelRepository(database, Clock.systemUTC()), reads);
            CatalogueSync sync = new CatalogueSync(HeadwaterConfig.defaults(), channels,
                    () -> ChannelsFingerprint.read(database), headend, new HeadendCatalog(List.of()));
            AtomicInteger changes = new AtomicInteger();
            sync.whenChannelsChange(changes::incrementAndGet);

            sync.syncOnce();
            assertThat(reads).hasValue(1);
            assertThat(changes).as("the first read is a change").hasValue(1);
            for (int i = 1; i < CatalogueSync.FULL_READ_EVERY; i++) {
                assertThat(sync.pollOnce()).isZero();
            }
            assertThat(reads).as("an unchanged fingerprint costs no read").hasValue(1);
            sync.pollOnce();
            assertThat(reads).as("the safety-net read").hasValue(2);
            assertThat(changes).as("neither unchanged polls nor the safety-net read are changes").hasValue(1);

            channels.create(ChannelDraft.of("weather", 3, "Weather"));
            sync.pollOnce();
            assertThat(reads).as("a new channel changes the fingerprint").hasValue(3);
            assertThat(changes).as("a new channel is a change").hasValue(2);
        }
    }

    @Test
    void skips_what_the_headend_cannot_run_and_retries_only_a_new_version() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir));
             Headend headend = refusingHeadend()) {
            ChannelRepository channels = new JdbiChannelRepository(database, Clock.systemUTC());
            HeadwaterConfig config = HeadwaterConfig.defaults().withChannels(List.of(new ChannelConfig("news", "News",
                    List.of(URI.create("udp://239.1.1.1:5000")), Optional.empty(), Optional.empty())));
            AtomicInteger reads = new AtomicInteger();
            CatalogueSync sync = new CatalogueSync(config, counting(channels, reads), () -> ChannelsFingerprint.read(database),
                    headend, new HeadendCatalog(List.of()));
            URI source = URI.create("udp://239.1.1.2:5000");
            channels.create(ChannelDraft.of("news", 1, "The configuration's id").withSources(List.of(source)));
            channels.create(ChannelDraft.of("No_Slug", 2, "Not a headend id").withSources(List.of(source)));
            channels.create(ChannelDraft.of("silent", 3, "No sources"));
            channels.create(ChannelDraft.of("off", 4, "Disabled").withSources(List.of(source)).withEnabled(false));
            Channel refused = channels.create(ChannelDraft.of("refused", 5, "Every source refused").withSources(List.of(source)));

            assertThat(sync.syncOnce()).isZero();
            assertThat(headend.channels()).isEmpty();
            assertThat(sourceRequests).as("only 'refused' reached the headend").hasValue(1);
            assertThat(sync.syncOnce()).isZero();
            assertThat(sourceRequests).as("a refused version is not tried again").hasValue(1);

            channels.update(refused.version(), refused.draft().withName("Renamed"));
            assertThat(sync.syncOnce()).isZero();
            assertThat(sourceRequests).as("its next version is").hasValue(2);
            assertThat(headend.channels()).isEmpty();
            assertThat(reads).hasValue(3);
        }
    }

    @Test
    void a_catalogue_channel_records_its_archive_days() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir));
             Headend headend = refusingHeadend()) {
            ChannelRepository channels = new JdbiChannelRepository(database, Clock.systemUTC());
            CatalogueSync sync = new CatalogueSync(HeadwaterConfig.defaults(), channels,
                    () -> ChannelsFingerprint.read(database), headend, new HeadendCatalog(List.of()));
            channels.create(ChannelDraft.of("replay", 1, "Catch-up").withSources(List.of(URI.create("udp://239.1.1.3:5000")))
                    .withArchiveDays(3));

            sync.syncOnce();
            assertThat(specsAsked).extracting(ChannelSpec::archiveDays).containsExactly(3);
        }
    }

    /** The specs the headend was asked to make sources for. */
    private final List<ChannelSpec> specsAsked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Sources the headend was asked for (and refused). */
    private final AtomicInteger sourceRequests = new AtomicInteger();

    private Headend refusingHeadend() {
        return new Headend(dir.resolve("data"), (spec, uri) -> {
            sourceRequests.incrementAndGet();
            specsAsked.add(spec);
            throw new IllegalArgumentException("refused by the test");
        }, new SimpleMeterRegistry());
    }

    /** The repository, counting the calls of list (what a full read makes). */
    private static ChannelRepository counting(ChannelRepository repository, AtomicInteger lists) {
        return (ChannelRepository) Proxy.newProxyInstance(ChannelRepository.class.getClassLoader(),
                new Class<?>[] {ChannelRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        lists.incrementAndGet();
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

}
