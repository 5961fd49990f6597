package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import headwater.api.SessionControl;
import headwater.api.xtream.MediaEntryServer.Reply;
import headwater.domain.session.Denial;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionIds;
import headwater.domain.session.SessionRequest;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.xtream.XtreamIds.Kind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every Xtream media URL form over a real HTTP server: what session each one asks for, where it redirects, and each
 * refusal's status and text. The session control records what it is asked and opens everything but a few channels.
 */
class MediaEntryTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String PASSWORD = "s3cret+pa ss/word";
    static final String PASSWORD_IN_PATH = "s3cret+pa%20ss%2Fword";
    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    /** Opens what it is asked, except channels "closed" (denied), "gone" (unknown) and "full" (busy). */
    static final class RecordingControl implements SessionControl {
        final List<SessionRequest> requests = new CopyOnWriteArrayList<>();
        final List<String> tokens = new CopyOnWriteArrayList<>();

        @Override
        public Opening open(SessionRequest request) {
            requests.add(request);
            switch (request.target().id()) {
                case "closed":
                    return new Opening.Denied(Denial.NOT_IN_PACKAGES);
                case "gone":
                    return new Opening.Denied(Denial.TARGET_UNKNOWN);
                case "full":
                    return new Opening.Busy(Duration.ofSeconds(7));
                case "broken":
                    throw new IllegalStateException("the session registry is unreachable");
                default:
                    break;
            }
            Instant now = MediaEntryServer.NOW;
            PlaybackSession session = new PlaybackSession(SessionIds.next(), request.subscriberId(), request.target(),
                    request.target().id(), request.format(), request.deviceKey(), request.clientAddress(),
                    request.userAgent(), now, now.plus(Duration.ofHours(24)), 3_000_000, Duration.ofSeconds(8), "n1");
            String token = session.id() + "-1-1-" + "0".repeat(32);
            tokens.add(token);
            return new Opening.Opened(session, token);
        }

        @Override
        public List<Listed> list(Optional<String> subscriberId) {
            return List.of();
        }

        @Override
        public boolean end(String sessionId) {
            return false;
        }
    }

    final RecordingControl control = new RecordingControl();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    MediaEntryServer server;
    int news;
    int closed;
    int gone;
    int full;
    int film;
    int episode;

    @BeforeEach
    void start() {
        server(new XtreamServer(null, 0, LONDON, ""));
        log.start();
        ((Logger) LoggerFactory.getLogger(MediaEntry.class)).addAppender(log);
    }

    void server(XtreamServer xtream) {
        if (server != null) {
            server.close();
        }
        server = MediaEntryServer.start(control, xtream);
        server.login.account("alice", PASSWORD, new XtreamLogin.Result.Authenticated(
                MediaEntryServer.subscriber("s1", "alice", d -> d), null, XtreamLogin.AccountStatus.ACTIVE, null));
        server.login.account("old", "pw", new XtreamLogin.Result.Authenticated(
                MediaEntryServer.subscriber("s2", "old", d -> d), null, XtreamLogin.AccountStatus.EXPIRED, null));
        server.login.tokens.put(TOKEN, new XtreamLogin.Result.Authenticated(
                MediaEntryServer.subscriber("s1", "alice", d -> d), null, XtreamLogin.AccountStatus.ACTIVE, "tv-1"));
        news = server.ids.number(Kind.CHANNEL, "news");
        closed = server.ids.number(Kind.CHANNEL, "closed");
        gone = server.ids.number(Kind.CHANNEL, "gone");
        full = server.ids.number(Kind.CHANNEL, "full");
        film = server.ids.number(Kind.MOVIE, "film.2024");
        episode = server.ids.number(Kind.EPISODE, "show-s01e02");
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(MediaEntry.class)).detachAppender(log);
        server.close();
    }

    /** The redirect's location, after checking it is a 302 into this server's /s/ tree with the session's token. */
    String redirected(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(302);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        String token = control.tokens.getLast();
        String prefix = server.base() + "/s/" + token + "/";
        assertThat(reply.header("Location")).startsWith(prefix);
        return reply.header("Location").substring(prefix.length());
    }

    SessionRequest asked() {
        return control.requests.getLast();
    }

    @Test
    void live_urls_redirect_into_a_ts_or_hls_session_of_the_channel() {
        assertThat(redirected(server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + news + ".ts",
                "User-Agent", "TiviMate/5.1"))).isEqualTo("live/news.ts");
        SessionRequest ts = asked();
        assertThat(ts.subscriberId()).isEqualTo("s1");
        assertThat(ts.target()).isEqualTo(new PlaybackTarget.Live("news"));
        assertThat(ts.format()).isEqualTo(OutputFormat.TS);
        assertThat(ts.clientAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(ts.userAgent()).isEqualTo("TiviMate/5.1");
        assertThat(ts.deviceKey()).matches("xtream:[0-9a-f]{32}");
        assertThat(server.login.checks).containsExactly("password alice");

        assertThat(redirected(server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + news + ".m3u8",
                "User-Agent", "TiviMate/5.1"))).isEqualTo("live/news/index.m3u8");
        assertThat(asked().format()).isEqualTo(OutputFormat.HLS);
        assertThat(asked().deviceKey()).as("the same player asking again is the same device").isEqualTo(ts.deviceKey());

        assertThat(redirected(server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + news + ".M3U8",
                "User-Agent", "VLC/3.0.20"))).isEqualTo("live/news/index.m3u8");
        assertThat(asked().deviceKey()).as("another app is another device").isNotEqualTo(ts.deviceKey());
        assertThat(redirected(server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + news)))
                .as("no extension is ts").isEqualTo("live/news.ts");
    }

    @Test
    void the_short_forms_are_live() {
        assertThat(redirected(server.get("/alice/" + PASSWORD_IN_PATH + "/" + news))).isEqualTo("live/news.ts");
        assertThat(redirected(server.get("/alice/" + PASSWORD_IN_PATH + "/" + news + ".ts"))).isEqualTo("live/news.ts");
        assertThat(redirected(server.get("/alice/" + PASSWORD_IN_PATH + "/" + news + ".m3u8")))
                .isEqualTo("live/news/index.m3u8");
        assertThat(control.requests).extracting(SessionRequest::target).containsOnly(new PlaybackTarget.Live("news"));
    }

    @Test
    void films_and_episodes_redirect_with_their_container_extension() {
        assertThat(redirected(server.get("/movie/alice/" + PASSWORD_IN_PATH + "/" + film + ".MKV")))
                .isEqualTo("movie/film.2024.mkv");
        assertThat(asked().target()).isEqualTo(new PlaybackTarget.Movie("film.2024"));
        assertThat(redirected(server.get("/series/alice/" + PASSWORD_IN_PATH + "/" + episode + ".mp4")))
                .isEqualTo("episode/show-s01e02.mp4");
        assertThat(asked().target()).isEqualTo(new PlaybackTarget.Episode("show-s01e02"));
    }

    @Test
    void timeshift_urls_open_an_archive_window_read_in_the_servers_time_zone() {
        // 20:30 in London in July is 19:30 UTC (BST); 90 minutes.
        Instant start = Instant.parse("2026-07-01T19:30:00Z");
        String window = "archive/news/" + start.getEpochSecond() + "-5400";
        assertThat(redirected(server.get("/timeshift/alice/" + PASSWORD_IN_PATH + "/90/2026-07-01:20-30/" + news
                + ".ts"))).isEqualTo(window + ".ts");
        assertThat(asked().target()).isEqualTo(new PlaybackTarget.Archive("news", start, Duration.ofMinutes(90)));
        assertThat(asked().format()).isEqualTo(OutputFormat.TS);
        assertThat(redirected(server.get("/timeshift/alice/" + PASSWORD_IN_PATH + "/90/2026-07-01%3A20-30/" + news
                + ".m3u8"))).isEqualTo(window + "/index.m3u8");
        assertThat(asked().format()).isEqualTo(OutputFormat.HLS);
        assertThat(redirected(server.get("/timeshifts/alice/" + PASSWORD_IN_PATH + "/90/" + news
                + "/2026-07-01:20-30.ts"))).as("XUI's order").isEqualTo(window + ".ts");
        assertThat(redirected(server.get("/streaming/timeshift.php?username=alice&password=s3cret%2Bpa+ss%2Fword"
                + "&stream=" + news + "&start=2026-07-01%3A20-30&duration=90"))).isEqualTo(window + ".ts");
        // In winter London is UTC.
        assertThat(redirected(server.get("/streaming/timeshift.php?username=alice&password=s3cret%2Bpa+ss%2Fword"
                + "&stream=" + news + ".m3u8&start=2026-12-01:20-30-15&duration=1")))
                .isEqualTo("archive/news/" + Instant.parse("2026-12-01T20:30:15Z").getEpochSecond() + "-60/index.m3u8");
    }

    @Test
    void playlist_tokens_stand_in_for_username_and_password_and_key_the_device() {
        assertThat(redirected(server.get("/live/" + TOKEN + "/" + news + ".ts"))).isEqualTo("live/news.ts");
        assertThat(asked().deviceKey()).isEqualTo("token:tv-1");
        assertThat(asked().subscriberId()).isEqualTo("s1");
        assertThat(redirected(server.get("/movie/" + TOKEN + "/" + film + ".mp4"))).isEqualTo("movie/film.2024.mp4");
        assertThat(redirected(server.get("/series/" + TOKEN + "/" + episode + ".mkv")))
                .isEqualTo("episode/show-s01e02.mkv");
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(redirected(server.get("/timeshift/" + TOKEN + "/30/2026-11-21:10-00/" + news + ".ts")))
                .isEqualTo("archive/news/" + start.getEpochSecond() + "-1800.ts");
        assertThat(redirected(server.get("/timeshifts/" + TOKEN + "/30/" + news + "/2026-11-21:10-00.m3u8")))
                .isEqualTo("archive/news/" + start.getEpochSecond() + "-1800/index.m3u8");
        assertThat(redirected(server.get("/streaming/timeshift.php?token=" + TOKEN + "&stream=" + news
                + "&start=2026-11-21:10-00&duration=30"))).isEqualTo("archive/news/" + start.getEpochSecond()
                + "-1800.ts");
        assertThat(control.requests).extracting(SessionRequest::deviceKey).containsOnly("token:tv-1");
        assertThat(server.login.checks).containsOnly("token " + TOKEN);
    }

    @Test
    void the_configured_public_url_is_the_redirects_base() {
        server(new XtreamServer(URI.create("https://tv.example.net:8443/"), 8443, LONDON, ""));
        Reply reply = server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + news + ".ts");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).isEqualTo("https://tv.example.net:8443/s/" + control.tokens.getLast()
                + "/live/news.ts");
    }

    @Test
    void head_answers_the_same_redirect_without_a_body() {
        Reply reply = server.send("HEAD", "/live/alice/" + PASSWORD_IN_PATH + "/" + news + ".m3u8");
        assertThat(redirected(reply)).isEqualTo("live/news/index.m3u8");
        assertThat(reply.body()).isEmpty();
        Reply refused = server.send("HEAD", "/live/alice/wrong/" + news + ".ts");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEmpty();
    }

    @Test
    void credentials_and_account_refusals() {
        Reply wrong = server.get("/live/alice/wrong/" + news + ".ts");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("invalid credentials\n");
        assertThat(wrong.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(server.get("/live/nobody/x/" + news + ".ts").status()).isEqualTo(401);
        assertThat(server.get("/live/" + "f".repeat(32) + "/" + news + ".ts").status()).isEqualTo(401);

        Reply expired = server.get("/live/old/pw/" + news + ".ts");
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.body()).isEqualTo("account expired\n");

        server.login.throttled = Duration.ofMillis(90_500);
        Reply throttled = server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + news + ".ts");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("91");
        assertThat(control.requests).as("no session for any of them").isEmpty();
    }

    @Test
    void unknown_numbers_denials_and_a_full_node() {
        Reply unknown = server.get("/live/alice/" + PASSWORD_IN_PATH + "/99999.ts");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(server.login.checks).as("credentials first").containsExactly("password alice");
        assertThat(server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + film + ".ts").status())
                .as("a film's number is no channel").isEqualTo(404);
        assertThat(server.get("/movie/alice/" + PASSWORD_IN_PATH + "/" + news + ".mp4").status())
                .as("a channel's number is no film").isEqualTo(404);
        assertThat(server.get("/series/alice/" + PASSWORD_IN_PATH + "/" + film + ".mp4").status()).isEqualTo(404);
        assertThat(control.requests).isEmpty();

        Reply denied = server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + closed + ".ts");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).as("the player never reads the reason").isEqualTo("forbidden\n");
        assertThat(server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + gone + ".ts").status())
                .as("gone from the catalogue").isEqualTo(404);
        Reply busy = server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + full + ".m3u8");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void a_failing_registry_is_a_plain_500() {
        int broken = server.ids.number(Kind.CHANNEL, "broken");
        Reply reply = server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + broken + ".ts");
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo("internal error\n");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("xtream media request for CHANNEL " + broken + " failed");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the session registry is unreachable");
        });
    }

    @Test
    void malformed_parts_answer_400_naming_the_part_before_any_login() {
        String user = "/timeshift/alice/" + PASSWORD_IN_PATH;
        assertMalformed(server.get(user + "/0/2026-11-21:10-00/" + news + ".ts"), "duration");
        assertMalformed(server.get(user + "/1441/2026-11-21:10-00/" + news + ".ts"), "duration");
        assertMalformed(server.get(user + "/ninety/2026-11-21:10-00/" + news + ".ts"), "duration");
        assertMalformed(server.get(user + "/90/2026-13-21:10-00/" + news + ".ts"), "start");
        assertMalformed(server.get(user + "/90/2026-11-21T10:00/" + news + ".ts"), "start");
        assertMalformed(server.get(user + "/90/1969-12-31:23-59/" + news + ".ts"), "start");
        assertMalformed(server.get(user + "/90/2026-11-21:10-00/" + news + ".mp4"), "extension");
        assertMalformed(server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + news + ".flv"), "extension");
        assertMalformed(server.get("/movie/alice/" + PASSWORD_IN_PATH + "/" + film), "extension");
        assertMalformed(server.get("/movie/alice/" + PASSWORD_IN_PATH + "/" + film + ".m-k-v"), "extension");
        assertMalformed(server.get("/live/alice/%C3%28/" + news + ".ts"), "path");
        assertMalformed(server.get("/live/alice/" + "p".repeat(257) + "/" + news + ".ts"), "password");
        String php = "/streaming/timeshift.php?username=alice&password=x";
        assertMalformed(server.get(php + "&stream=" + news + "&start=2026-11-21:10-00"), "duration");
        assertMalformed(server.get(php + "&stream=" + news + "&duration=30"), "start");
        assertMalformed(server.get(php + "&start=2026-11-21:10-00&duration=30"), "stream");
        assertMalformed(server.get(php + "&stream=x&start=2026-11-21:10-00&duration=30"), "stream");
        assertMalformed(server.get("/streaming/timeshift.php?stream=" + news + "&start=2026-11-21:10-00&duration=30"),
                "username");
        assertThat(server.raw("/live/alice/bad%zz/" + news + ".ts")).startsWith("HTTP/1.1 400 ")
                .endsWith("malformed path: invalid percent-encoding or UTF-8 in a path segment\n");
        assertThat(server.raw("/streaming/timeshift.php?username=alice&password=%zz&stream=1")).startsWith("HTTP/1.1 400 ")
                .endsWith("\n\r\nmalformed query: invalid percent-encoding\n");
        Reply named = server.get(user + "/90/2026-11-21:25-00/" + news + ".ts");
        assertThat(named.body()).isEqualTo("malformed start: expected YYYY-MM-DD:HH-MM in the server's time zone"
                + " (Europe/London), not before 1970\n");
        assertThat(server.login.checks).isEmpty();
    }

    void assertMalformed(Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.body()).startsWith("malformed " + field + ": ");
    }

    @Test
    void other_paths_are_not_found_without_a_login_and_other_methods_are_not_allowed() {
        for (String path : List.of("/favicon.ico", "/a/b/c", "/a/b/c.ts", "/a/b/01.ts", "/live/a/b/c/d.ts",
                "/live/alice/" + PASSWORD_IN_PATH + "/news.ts", "/movie/a/b/x.mp4", "/live/a/b/2147483648.ts",
                "/s/abc/7.ts", "/api/v1/7", "/timeshift/a/b/90/2026-11-21:10-00/x.ts", "/streaming/other.php")) {
            Reply reply = server.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body()).as(path).isEqualTo("not found\n");
        }
        assertThat(server.login.checks).isEmpty();
        Reply post = server.send("POST", "/live/alice/" + PASSWORD_IN_PATH + "/" + news + ".ts");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(control.requests).isEmpty();
    }

    @Test
    void neither_passwords_nor_tokens_reach_the_log() {
        server.get("/live/alice/wrong-" + PASSWORD_IN_PATH + "/" + news + ".ts");
        server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + closed + ".ts");
        server.get("/live/alice/" + PASSWORD_IN_PATH + "/" + full + ".ts");
        server.get("/live/" + TOKEN + "/" + closed + ".ts");
        server.get("/live/" + "e".repeat(32) + "/" + closed + ".ts");
        server.get("/live/old/pw/" + news + ".ts");
        assertThat(log.list).isNotEmpty();
        for (ILoggingEvent event : log.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD, "s3cret", TOKEN, "e".repeat(32), "pw/");
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("invalid credentials (username alice)"))
                .anySatisfy(m -> assertThat(m).contains("refused: NOT_IN_PACKAGES"));
    }
}
