package headwater.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.Argon2PasswordHasher;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.Package;
import headwater.domain.guide.GuideEntry;
import headwater.domain.guide.GuideImportReport;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What IPTV apps see of the demo: catalogue entries with catch-up, a film, a series, and a guide around now. */
class DemoCatalogueTest {

    private static final Instant NOW = Instant.parse("2026-11-21T14:10:00Z");

    @Test
    void is_made_once_in_the_demo_package_with_a_guide_around_now(@TempDir Path dir) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Path film = Files.writeString(dir.resolve("film.mp4"), "not really a film");
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            JdbiChannelRepository channels = new JdbiChannelRepository(database, clock);
            JdbiPackageRepository packages = new JdbiPackageRepository(database);
            DemoAccount.ensure(packages, new JdbiPlanRepository(database),
                    new JdbiSubscriberRepository(database, clock), new Argon2PasswordHasher(), 4);
            List<DemoLoop> loops = DemoLoop.standard();

            for (int i = 0; i < 2; i++) {
                DemoCatalogue.ensure(new JdbiCategoryRepository(database), channels, packages,
                        new JdbiMovieRepository(database, clock), new JdbiSeriesRepository(database, clock), loops, 1,
                        film, film);
            }
            GuideImportReport report = DemoGuide.refresh(dir.resolve("demo"), loops,
                    new JdbiGuideSourceRepository(database, clock), new JdbiGuideStore(database, clock), channels,
                    clock);

            Channel first = channels.get("demo-720p");
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.draft().archiveDays()).isEqualTo(1);
            assertThat(first.epgChannelId()).isEqualTo("demo-720p");
            assertThat(first.categoryIds()).containsExactly(DemoCatalogue.LIVE_CATEGORY);
            Package demo = packages.get(DemoAccount.ID);
            assertThat(demo.channelIds()).containsExactlyInAnyOrder("demo-720p", "demo-sd", "demo-ac3");
            assertThat(demo.movieIds()).isEqualTo(Set.of(DemoCatalogue.MOVIE));
            assertThat(demo.seriesIds()).isEqualTo(Set.of(DemoCatalogue.SERIES));
            assertThat(new JdbiSeriesRepository(database, clock).getEpisode(DemoCatalogue.EPISODE).draft().source())
                    .isEqualTo(film.toUri());
            assertThat(report.unmatched()).isZero();
            assertThat(report.channels()).isEqualTo(3);
            List<GuideEntry> now = new JdbiGuideStore(database, clock).range("demo-sd", NOW.minus(Duration.ofHours(1)),
                    NOW.plus(Duration.ofHours(1)), 10);
            assertThat(now).as("13:00, 13:30, 14:00, 14:30 and 15:00 overlap 13:10-15:10").hasSize(5);
        }
    }

    @Test
    void the_guide_validates_against_the_xmltv_dtd(@TempDir Path dir) throws Exception {
        Path dtd = Path.of("/usr/share/xmltv/xmltv.dtd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(dtd) || "true".equals(System.getenv("CI")),
                "xmltv-util's DTD is not installed");
        Path file = Files.writeString(dir.resolve("guide.xml"), DemoGuide.xmltv(DemoLoop.standard(), NOW));
        Process xmllint = new ProcessBuilder("xmllint", "--noout", "--dtdvalid", dtd.toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(xmllint.getInputStream().readAllBytes());
        assertThat(xmllint.waitFor()).as(out).isZero();
    }
}
