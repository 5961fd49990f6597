package headwater.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.session.Entitlement.Decision;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.NetworkRange;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Quality;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntitlementTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Duration TARGET = Duration.ofSeconds(4);
    static final long DEFAULT_BPS = 8_000_000;
    static final Rendition NEWS_FHD = new Rendition("news", 6_000_000, Quality.FHD, TARGET);
    static final Rendition NEWS_SD = new Rendition("news-sd", 2_000_000, Quality.SD, TARGET);
    static final Rendition NEWS_UHD = new Rendition("news-uhd", 20_000_000, Quality.UHD, TARGET);
    static final Rendition NEWS_FHD_COPY = new Rendition("news-copy", 5_000_000, Quality.FHD, TARGET);

    /** One row: a change to the happy case, and what the rules answer. */
    record Given(Subscriber subscriber, Plan plan, TargetEntry channel, SessionRequest request,
                 Map<String, Rendition> measured) {

        static Given standard() {
            SubscriberDraft draft = SubscriberDraft.of("s1", "alice",
                    new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"))
                    .withPlanId("gold").withMaxConnections(2);
            Plan gold = new Plan("gold", "Gold", Set.of("basic"), 2, Quality.FHD, Money.of(1999, "EUR"),
                    BillingPeriod.months(1), true);
            ChannelEntry news = new ChannelEntry("news", true, Set.of("basic", "news-pack"), List.of("news-sd"));
            SessionRequest request = new SessionRequest("s1", new PlaybackTarget.Live("news"), OutputFormat.HLS,
                    "box-1", address("192.0.2.10"), "VLC/3.0");
            return new Given(new Subscriber(draft, 1, NOW, NOW), gold, news, request,
                    Map.of("news", NEWS_FHD, "news-sd", NEWS_SD));
        }

        Given draft(UnaryOperator<SubscriberDraft> change) {
            return new Given(new Subscriber(change.apply(subscriber.draft()), 1, NOW, NOW), plan, channel, request,
                    measured);
        }

        Given noSubscriber() {
            return new Given(null, plan, channel, request, measured);
        }

        Given plan(Plan newPlan) {
            return new Given(subscriber, newPlan, channel, request, measured);
        }

        Given quality(Quality best) {
            return plan(plan.withMaxQuality(best));
        }

        Given channel(TargetEntry newChannel) {
            return new Given(subscriber, plan, newChannel, request, measured);
        }

        Given request(SessionRequest newRequest) {
            return new Given(subscriber, plan, channel, newRequest, measured);
        }

        Given from(String address) {
            return request(new SessionRequest(request.subscriberId(), request.target(), request.format(),
                    request.deviceKey(), address == null ? null : address(address), request.userAgent()));
        }

        Given measured(Map<String, Rendition> newMeasured) {
            return new Given(subscriber, plan, channel, request, newMeasured);
        }
    }

    static Stream<Arguments> rows() {
        Given std = Given.standard();
        ChannelEntry news = (ChannelEntry) std.channel();
        List<NetworkRange> lan = List.of(NetworkRange.parse("10.0.0.0/8"), NetworkRange.parse("2001:db8::/32"));
        return Stream.of(
                row("entitled: the channel itself", std, NEWS_FHD),
                row("unknown subscriber", std.noSubscriber(), Denial.SUBSCRIBER_UNKNOWN),
                row("disabled subscriber", std.draft(d -> d.withStatus(SubscriberStatus.DISABLED)),
                        Denial.SUBSCRIBER_INACTIVE),
                row("banned subscriber", std.draft(d -> d.withStatus(SubscriberStatus.BANNED)),
                        Denial.SUBSCRIBER_INACTIVE),
                row("subscriber with status EXPIRED", std.draft(d -> d.withStatus(SubscriberStatus.EXPIRED)),
                        Denial.SUBSCRIBER_EXPIRED),
                row("expiry passed", std.draft(d -> d.withExpiry(NOW.minusSeconds(1))), Denial.SUBSCRIBER_EXPIRED),
                row("expiry is now", std.draft(d -> d.withExpiry(NOW)), Denial.SUBSCRIBER_EXPIRED),
                row("expiry a second ahead", std.draft(d -> d.withExpiry(NOW.plusSeconds(1))), NEWS_FHD),
                row("disabled before unknown channel", std.draft(d -> d.withStatus(SubscriberStatus.DISABLED))
                        .channel(null), Denial.SUBSCRIBER_INACTIVE),
                row("unknown channel", std.channel(null), Denial.TARGET_UNKNOWN),
                row("disabled channel", std.channel(new ChannelEntry("news", false, news.packageIds(),
                        news.renditionIds())), Denial.TARGET_UNKNOWN),
                row("directory answered another channel", std.channel(new ChannelEntry("news2", true,
                        news.packageIds(), List.of())), Denial.TARGET_UNKNOWN),
                row("channel in no package of theirs", std.channel(new ChannelEntry("news", true, Set.of("sport"),
                        news.renditionIds())), Denial.NOT_IN_PACKAGES),
                row("channel in none of their packages, no plan", std.plan(null), Denial.NOT_IN_PACKAGES),
                row("channel in their own package, no plan", std.plan(null)
                        .draft(d -> d.withPackageIds(Set.of("news-pack"))), NEWS_FHD),
                row("channel in their own package, plan without it", std.plan(std.plan().withPackageIds(Set.of()))
                        .draft(d -> d.withPackageIds(Set.of("news-pack"))), NEWS_FHD),
                row("channel without packages", std.channel(new ChannelEntry("news", true, Set.of(), List.of())),
                        Denial.NOT_IN_PACKAGES),
                row("not in packages before format", std.plan(null).draft(d -> d.withOutputFormats(
                        EnumSet.of(OutputFormat.TS))), Denial.NOT_IN_PACKAGES),
                row("HLS not allowed", std.draft(d -> d.withOutputFormats(EnumSet.of(OutputFormat.TS))),
                        Denial.FORMAT_NOT_ALLOWED),
                row("TS allowed", std.request(new SessionRequest("s1", new PlaybackTarget.Live("news"),
                        OutputFormat.TS, "box-1", null, null)).draft(d -> d.withOutputFormats(
                        EnumSet.of(OutputFormat.TS))), NEWS_FHD),
                row("address outside the networks", std.draft(d -> d.withAllowedNetworks(lan)),
                        Denial.NETWORK_NOT_ALLOWED),
                row("IPv6 address outside the networks", std.draft(d -> d.withAllowedNetworks(lan))
                        .from("2001:db9::1"), Denial.NETWORK_NOT_ALLOWED),
                row("no address, networks listed", std.draft(d -> d.withAllowedNetworks(lan)).from(null),
                        Denial.NETWORK_NOT_ALLOWED),
                row("address in the networks", std.draft(d -> d.withAllowedNetworks(lan)).from("10.1.2.3"),
                        NEWS_FHD),
                row("IPv6 address in the networks", std.draft(d -> d.withAllowedNetworks(lan))
                        .from("2001:db8:1::5"), NEWS_FHD),
                row("IPv4-mapped address in the networks", std.draft(d -> d.withAllowedNetworks(lan))
                        .from("::ffff:10.9.9.9"), NEWS_FHD),
                row("no address, no networks", std.from(null), NEWS_FHD),
                row("network refused before quality", std.draft(d -> d.withAllowedNetworks(lan)).quality(Quality.SD)
                        .channel(new ChannelEntry("news", true, news.packageIds(), List.of())),
                        Denial.NETWORK_NOT_ALLOWED),
                row("SD plan: the SD rendition", std.quality(Quality.SD), NEWS_SD),
                row("HD plan: FHD is above, SD chosen", std.quality(Quality.HD), NEWS_SD),
                row("SD plan, no rendition at or below SD", std.quality(Quality.SD)
                        .channel(new ChannelEntry("news", true, news.packageIds(), List.of())),
                        Denial.QUALITY_NOT_ALLOWED),
                row("SD plan, the SD rendition not measured", std.quality(Quality.SD)
                        .measured(Map.of("news", NEWS_FHD)), Denial.QUALITY_NOT_ALLOWED),
                row("no plan: no cap", std.plan(null).draft(d -> d.withPackageIds(Set.of("basic")))
                        .channel(new ChannelEntry("news", true, news.packageIds(), List.of("news-sd", "news-uhd")))
                        .measured(Map.of("news", NEWS_FHD, "news-sd", NEWS_SD,
                                "news-uhd", NEWS_UHD)), NEWS_UHD),
                row("FHD plan: UHD rendition above the cap", std
                        .channel(new ChannelEntry("news", true, news.packageIds(), List.of("news-uhd", "news-sd")))
                        .measured(Map.of("news", NEWS_FHD, "news-sd", NEWS_SD,
                                "news-uhd", NEWS_UHD)), NEWS_FHD),
                row("equal quality: the channel itself first", std
                        .channel(new ChannelEntry("news", true, news.packageIds(), List.of("news-copy")))
                        .measured(Map.of("news", NEWS_FHD, "news-copy", NEWS_FHD_COPY)), NEWS_FHD),
                row("only the listed renditions count: a rendition's own renditions are not asked",
                        std.quality(Quality.SD).channel(new ChannelEntry("news", true, news.packageIds(), List.of()))
                        .measured(Map.of("news", NEWS_FHD, "news-sd", NEWS_SD)), Denial.QUALITY_NOT_ALLOWED),
                row("the channel unmeasured, its SD rendition measured", std.quality(Quality.SD)
                        .measured(Map.of("news-sd", NEWS_SD)), NEWS_SD),
                row("nothing measured: itself at the default bitrate, quality unchecked", std.quality(Quality.SD)
                        .measured(Map.of()), new Rendition("news", DEFAULT_BPS, Quality.SD,
                        Entitlement.UNMEASURED_TARGET_DURATION)));
    }

    static final PlaybackTarget.Archive LAST_HOUR = new PlaybackTarget.Archive("news", NOW.minusSeconds(3600),
            Duration.ofMinutes(30));
    static final ChannelEntry NEWS_ARCHIVED = new ChannelEntry("news", true, Set.of("basic"), List.of("news-sd"), 2);
    static final VodEntry FILM = new VodEntry("film-1", true, Set.of("films"), 3_500_000);
    static final VodEntry EPISODE = new VodEntry("ep-1", true, Set.of("basic"), 0);

    /** Archive windows and films/episodes: the same rules, the catch-up window, no format rule, the item itself. */
    static Stream<Arguments> catchUpAndVodRows() {
        Given std = Given.standard().channel(NEWS_ARCHIVED).request(request(LAST_HOUR, OutputFormat.HLS));
        Given film = std.channel(FILM).request(request(new PlaybackTarget.Movie("film-1"), OutputFormat.HLS))
                .draft(d -> d.withPackageIds(Set.of("films")));
        Given episode = std.channel(EPISODE).request(request(new PlaybackTarget.Episode("ep-1"), OutputFormat.TS));
        Rendition filmItself = new Rendition("film-1", 3_500_000, Quality.SD, Entitlement.VOD_TARGET_DURATION);
        Rendition episodeItself = new Rendition("ep-1", DEFAULT_BPS, Quality.SD, Entitlement.VOD_TARGET_DURATION);
        List<NetworkRange> lan = List.of(NetworkRange.parse("10.0.0.0/8"));
        return Stream.of(
                row("archive: the channel itself, not the SD rendition the plan would pick live", std.quality(Quality.SD),
                        NEWS_FHD),
                row("archive, nothing measured: the default bitrate", std.measured(Map.of()),
                        new Rendition("news", DEFAULT_BPS, Quality.SD, Entitlement.UNMEASURED_TARGET_DURATION)),
                row("archive of a channel without catch-up", std.channel(new ChannelEntry("news", true,
                        Set.of("basic"), List.of(), 0)), Denial.OUTSIDE_ARCHIVE),
                row("archive starting exactly archiveDays ago", std.request(request(new PlaybackTarget.Archive("news",
                        NOW.minus(Duration.ofDays(2)), Duration.ofHours(1)), OutputFormat.TS)), NEWS_FHD),
                row("archive starting a second before the retention", std.request(request(
                        new PlaybackTarget.Archive("news", NOW.minus(Duration.ofDays(2)).minusSeconds(1),
                                Duration.ofHours(1)), OutputFormat.HLS)), Denial.OUTSIDE_ARCHIVE),
                row("archive starting now, reaching into the future", std.request(request(
                        new PlaybackTarget.Archive("news", NOW, Duration.ofHours(1)), OutputFormat.HLS)), NEWS_FHD),
                row("archive starting in the future", std.request(request(new PlaybackTarget.Archive("news",
                        NOW.plusSeconds(1), Duration.ofHours(1)), OutputFormat.HLS)), Denial.OUTSIDE_ARCHIVE),
                row("archive of a disabled channel", std.channel(new ChannelEntry("news", false, Set.of("basic"),
                        List.of(), 2)), Denial.TARGET_UNKNOWN),
                row("archive of an unknown channel", std.channel(null), Denial.TARGET_UNKNOWN),
                row("archive of a channel not in their packages", std.plan(null), Denial.NOT_IN_PACKAGES),
                row("not in packages before outside the archive", std.plan(null).channel(new ChannelEntry("news",
                        true, Set.of("basic"), List.of(), 0)), Denial.NOT_IN_PACKAGES),
                row("archive as HLS when only TS is allowed", std.draft(d -> d.withOutputFormats(
                        EnumSet.of(OutputFormat.TS))), Denial.FORMAT_NOT_ALLOWED),
                row("outside the archive before the format", std.channel(new ChannelEntry("news", true,
                        Set.of("basic"), List.of(), 0)).draft(d -> d.withOutputFormats(EnumSet.of(OutputFormat.TS))),
                        Denial.OUTSIDE_ARCHIVE),
                row("archive from outside their networks", std.draft(d -> d.withAllowedNetworks(lan)),
                        Denial.NETWORK_NOT_ALLOWED),
                row("archive answered with a film's entry", std.channel(new VodEntry("news", true, Set.of("basic"),
                        0)), Denial.TARGET_UNKNOWN),
                row("film in their own package: itself at its probed bitrate", film, filmItself),
                row("film: quality is not capped, the format rule does not apply", film.quality(Quality.SD)
                        .draft(d -> d.withOutputFormats(EnumSet.of(OutputFormat.TS))), filmItself),
                row("film in their plan's package", std.channel(new VodEntry("film-1", true, Set.of("basic"), 0))
                        .request(request(new PlaybackTarget.Movie("film-1"), OutputFormat.TS)),
                        new Rendition("film-1", DEFAULT_BPS, Quality.SD, Entitlement.VOD_TARGET_DURATION)),
                row("film in no package of theirs", film.draft(d -> d.withPackageIds(Set.of())),
                        Denial.NOT_IN_PACKAGES),
                row("disabled film", film.channel(new VodEntry("film-1", false, Set.of("films"), 0)),
                        Denial.TARGET_UNKNOWN),
                row("unknown film", film.channel(null), Denial.TARGET_UNKNOWN),
                row("film answered with a channel's entry", film.channel(new ChannelEntry("film-1", true,
                        Set.of("films"), List.of())), Denial.TARGET_UNKNOWN),
                row("directory answered another film", film.channel(new VodEntry("film-2", true, Set.of("films"),
                        0)), Denial.TARGET_UNKNOWN),
                row("film from outside their networks", film.draft(d -> d.withAllowedNetworks(lan)),
                        Denial.NETWORK_NOT_ALLOWED),
                row("film for an expired subscriber", film.draft(d -> d.withExpiry(NOW)), Denial.SUBSCRIBER_EXPIRED),
                row("episode of a series in their plan: default bitrate when unprobed", episode, episodeItself),
                row("episode of a disabled series", episode.channel(new VodEntry("ep-1", false, Set.of("basic"), 0)),
                        Denial.TARGET_UNKNOWN),
                row("episode of a series in no package of theirs", episode.channel(new VodEntry("ep-1", true,
                        Set.of("other"), 0)), Denial.NOT_IN_PACKAGES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catchUpAndVodRows")
    void decidesCatchUpAndVod(String name, Given given, Object expected) {
        Entitlement rules = new Entitlement(channel -> Optional.ofNullable(given.measured().get(channel)), DEFAULT_BPS);

        Decision decision = rules.decide(given.subscriber(), given.plan(), given.channel(), given.request(), NOW);

        Optional<Denial> refusal = rules.refusal(given.subscriber(), given.plan(), given.channel(), given.request(),
                NOW);
        if (expected instanceof Denial denial) {
            assertThat(decision).isEqualTo(new Decision.Denied(denial));
            assertThat(refusal).contains(denial);
        } else {
            Rendition rendition = (Rendition) expected;
            boolean measured = rendition.bitsPerSecond() != DEFAULT_BPS;
            assertThat(decision).isEqualTo(new Decision.Granted(rendition, measured));
            assertThat(refusal).isEmpty();
        }
    }

    static SessionRequest request(PlaybackTarget target, OutputFormat format) {
        return new SessionRequest("s1", target, format, "box-1", address("192.0.2.10"), "VLC/3.0");
    }

    static Arguments row(String name, Given given, Object expected) {
        return Arguments.of(name, given, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, Given given, Object expected) {
        Entitlement rules = new Entitlement(channel -> Optional.ofNullable(given.measured().get(channel)), DEFAULT_BPS);

        Decision decision = rules.decide(given.subscriber(), given.plan(), given.channel(), given.request(), NOW);

        Optional<Denial> refusal = rules.refusal(given.subscriber(), given.plan(), given.channel(), given.request(),
                NOW);
        if (expected instanceof Denial denial) {
            assertThat(decision).isEqualTo(new Decision.Denied(denial));
            Optional<Denial> early = denial == Denial.QUALITY_NOT_ALLOWED ? Optional.empty() : Optional.of(denial);
            assertThat(refusal).isEqualTo(early);
        } else {
            boolean measured = !given.measured().isEmpty();
            assertThat(decision).isEqualTo(new Decision.Granted((Rendition) expected, measured));
            assertThat(refusal).isEmpty();
        }
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
