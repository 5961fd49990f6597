package headwater.api;

import static headwater.api.ChannelApiTest.fields;
import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.domain.session.Denial;
import headwater.domain.session.EndReason;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionIds;
import headwater.domain.session.SessionRecord;
import headwater.domain.session.SessionRequest;
import headwater.domain.session.SessionState;
import headwater.domain.subscriber.OutputFormat;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@code /api/v1/sessions} over a real server and store, with a session control that records what it is asked. */
class SessionApiTest {

    /** Opens what it is asked for, except a target "closed" (denied), "full" (busy); lists and ends what it opened. */
    static final class RecordingControl implements SessionControl {
        final List<SessionRequest> requests = new ArrayList<>();
        final Map<String, SessionRecord> open = new ConcurrentHashMap<>();

        @Override
        public synchronized Opening open(SessionRequest request) {
            requests.add(request);
            String channel = request.target().id();
            if (channel.equals("closed")) {
                return new Opening.Denied(Denial.NOT_IN_PACKAGES);
            }
            if (channel.equals("full")) {
                return new Opening.Busy(Duration.ofSeconds(10));
            }
            Instant now = Instant.parse("2026-11-21T10:00:00Z");
            PlaybackSession session = new PlaybackSession(SessionIds.next(), request.subscriberId(), request.target(),
                    request.target() instanceof PlaybackTarget.Live ? channel + "-sd" : channel, request.format(), request.deviceKey(), request.clientAddress(), request.userAgent(),
                    now, now.plus(Duration.ofHours(24)), 3_000_000, Duration.ofSeconds(8), "node-a");
            open.put(session.id(), new SessionRecord(session, SessionState.ACTIVE, null, now, 1234));
            return new Opening.Opened(session, session.id() + "-1-1-" + "0".repeat(32));
        }

        @Override
        public List<Listed> list(Optional<String> subscriberId) {
            return open.values().stream().filter(r -> subscriberId.map(r.session().subscriberId()::equals).orElse(true))
                    .map(r -> new Listed(r, 2_000_000)).toList();
        }

        @Override
        public boolean end(String sessionId) {
            return open.remove(sessionId) != null;
        }
    }

    @EachDatabase
    void opens_lists_and_ends_sessions(TestStore store) {
        RecordingControl control = new RecordingControl();
        try (ApiServer api = ApiServer.start(store, control)) {
            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"Alice\", \"password\": \"correct horse\"}");

            Reply opened = api.post("/api/v1/sessions", """
                    {"username": "alice", "channelId": "news", "format": "hls", "deviceKey": "stb-1",
                     "clientAddress": "192.0.2.7", "userAgent": "VLC/3.0"}""");

            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            String id = opened.json().get("id").asText();
            assertThat(opened.header("Location")).isEqualTo("/api/v1/sessions/" + id);
            assertThat(opened.json().get("subscriberId").asText()).isEqualTo("s1");
            assertThat(opened.json().get("rendition").asText()).isEqualTo("news-sd");
            assertThat(opened.json().get("format").asText()).isEqualTo("hls");
            String token = id + "-1-1-" + "0".repeat(32);
            assertThat(opened.json().get("urls").get("multivariant").asText()).isEqualTo("/s/" + token + "/live/news/index.m3u8");
            assertThat(opened.json().get("urls").get("media").asText()).isEqualTo("/s/" + token + "/live/news/media.m3u8");
            assertThat(opened.json().get("urls").has("stream")).as("an HLS session's token opens no TS").isFalse();
            SessionRequest asked = control.requests.getFirst();
            assertThat(asked.subscriberId()).isEqualTo("s1");
            assertThat(asked.deviceKey()).isEqualTo("stb-1");
            assertThat(asked.clientAddress().getHostAddress()).isEqualTo("192.0.2.7");

            Reply listed = api.get("/api/v1/sessions?subscriber=s1");
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
            assertThat(listed.json().get("total").asInt()).isEqualTo(1);
            var item = listed.json().get("items").get(0);
            assertThat(item.get("id").asText()).isEqualTo(id);
            assertThat(item.get("state").asText()).isEqualTo("active");
            assertThat(item.get("bytes").asLong()).isEqualTo(1234);
            assertThat(item.get("bitsPerSecond").asLong()).isEqualTo(2_000_000);
            assertThat(item.get("userAgent").asText()).isEqualTo("VLC/3.0");
            assertThat(item.get("clientAddress").asText()).isEqualTo("192.0.2.7");
            assertThat(item.get("node").asText()).isEqualTo("node-a");
            assertThat(item.has("urls")).as("the token is shown once").isFalse();
            assertThat(api.get("/api/v1/sessions?subscriber=nobody").json().get("total").asInt()).isZero();

            assertThat(api.delete("/api/v1/sessions/" + id).status()).isEqualTo(204);
            assertProblem(api.delete("/api/v1/sessions/" + id), ProblemType.NOT_FOUND, "/api/v1/sessions/" + id);
            assertProblem(api.delete("/api/v1/sessions/not-an-id"), ProblemType.NOT_FOUND, "/api/v1/sessions/not-an-id");
        }
    }

    @EachDatabase
    void opens_archive_windows_films_and_episodes_with_their_own_urls(TestStore store) {
        RecordingControl control = new RecordingControl();
        try (ApiServer api = ApiServer.start(store, control)) {
            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"correct horse\"}");
            api.post("/api/v1/movies", "{\"id\": \"heat\", \"name\": \"Heat\", \"source\": \"file:///films/heat.MKV\"}");
            api.post("/api/v1/series", "{\"id\": \"wire\", \"name\": \"The Wire\"}");
            api.put("/api/v1/series/wire/seasons/1", "{}");
            api.post("/api/v1/series/wire/episodes", "{\"id\": \"wire-1x01\", \"seasonNumber\": 1, "
                    + "\"episodeNumber\": 1, \"title\": \"The Target\", \"source\": \"https://cdn.example/wire/101\"}");

            Reply window = api.post("/api/v1/sessions", """
                    {"subscriberId": "s1", "channelId": "news", "archiveStart": "2026-11-21T08:00:00Z",
                     "archiveSeconds": 5400, "format": "hls"}""");
            assertThat(window.status()).as(window.toString()).isEqualTo(201);
            String token = window.json().get("id").asText() + "-1-1-" + "0".repeat(32);
            assertThat(window.json().get("channelId").asText()).isEqualTo("news");
            assertThat(window.json().get("archiveStart").asText()).isEqualTo("2026-11-21T08:00:00Z");
            assertThat(window.json().get("archiveSeconds").asLong()).isEqualTo(5400);
            assertThat(window.json().get("rendition").asText()).isEqualTo("news");
            assertThat(window.json().get("urls").properties()).extracting(Map.Entry::getKey).containsExactly("playlist");
            assertThat(window.json().get("urls").get("playlist").asText())
                    .isEqualTo("/s/" + token + "/archive/news/1795248000-5400/index.m3u8");
            assertThat(control.requests.getLast().target()).isEqualTo(new PlaybackTarget.Archive("news",
                    Instant.parse("2026-11-21T08:00:00Z"), Duration.ofMinutes(90)));

            Reply windowTs = api.post("/api/v1/sessions", """
                    {"subscriberId": "s1", "channelId": "news", "archiveStart": "2026-11-21T08:00:00Z",
                     "archiveSeconds": 60, "format": "ts"}""");
            String tsToken = windowTs.json().get("id").asText() + "-1-1-" + "0".repeat(32);
            assertThat(windowTs.json().get("urls").properties()).extracting(Map.Entry::getKey).containsExactly("stream");
            assertThat(windowTs.json().get("urls").get("stream").asText())
                    .isEqualTo("/s/" + tsToken + "/archive/news/1795248000-60.ts");

            Reply film = api.post("/api/v1/sessions", "{\"username\": \"alice\", \"movieId\": \"heat\"}");
            assertThat(film.status()).as(film.toString()).isEqualTo(201);
            String filmToken = film.json().get("id").asText() + "-1-1-" + "0".repeat(32);
            assertThat(film.json().get("movieId").asText()).isEqualTo("heat");
            assertThat(film.json().has("channelId")).isFalse();
            assertThat(film.json().has("format")).as("a file has no format").isFalse();
            assertThat(film.json().get("urls").properties()).extracting(Map.Entry::getKey).containsExactly("file");
            assertThat(film.json().get("urls").get("file").asText()).isEqualTo("/s/" + filmToken + "/movie/heat.mkv");
            assertThat(control.requests.getLast().target()).isEqualTo(new PlaybackTarget.Movie("heat"));

            Reply episode = api.post("/api/v1/sessions", "{\"subscriberId\": \"s1\", \"episodeId\": \"wire-1x01\","
                    + " \"format\": \"ts\"}");
            String episodeToken = episode.json().get("id").asText() + "-1-1-" + "0".repeat(32);
            assertThat(episode.json().get("episodeId").asText()).isEqualTo("wire-1x01");
            assertThat(episode.json().get("urls").get("file").asText())
                    .as("no extension in the source, none probed: mp4")
                    .isEqualTo("/s/" + episodeToken + "/episode/wire-1x01.mp4");
            assertThat(control.requests.getLast().format()).isEqualTo(OutputFormat.TS);

            Reply listed = api.get("/api/v1/sessions?subscriber=s1");
            assertThat(listed.json().get("total").asInt()).isEqualTo(4);
            assertThat(listed.json().get("items").findValuesAsText("rendition"))
                    .containsExactlyInAnyOrder("news", "news", "heat", "wire-1x01");
        }
    }

    @EachDatabase
    void bad_targets_name_their_fields(TestStore store) {
        RecordingControl control = new RecordingControl();
        try (ApiServer api = ApiServer.start(store, control)) {
            Map<String, List<String>> bodies = new LinkedHashMap<>();
            bodies.put("{\"subscriberId\": \"s1\", \"format\": \"hls\"}", List.of("channelId"));
            bodies.put("{\"subscriberId\": \"s1\", \"channelId\": \"news\", \"movieId\": \"heat\", \"format\": \"hls\"}",
                    List.of("channelId"));
            bodies.put("{\"subscriberId\": \"s1\", \"movieId\": \"heat\", \"episodeId\": \"e\"}", List.of("movieId"));
            bodies.put("{\"subscriberId\": \"s1\", \"movieId\": \"Heat 1995\"}", List.of("movieId"));
            bodies.put("{\"subscriberId\": \"s1\", \"episodeId\": \"../e\"}", List.of("episodeId"));
            bodies.put("{\"subscriberId\": \"s1\", \"movieId\": \"heat\", \"format\": \"dash\"}", List.of("format"));
            bodies.put("{\"subscriberId\": \"s1\", \"movieId\": \"heat\", \"archiveSeconds\": 60}",
                    List.of("archiveSeconds"));
            bodies.put("{\"subscriberId\": \"s1\", \"channelId\": \"news\", \"archiveStart\": \"2026-11-21T08:00:00Z\","
                    + " \"format\": \"hls\"}", List.of("archiveSeconds"));
            bodies.put("{\"subscriberId\": \"s1\", \"channelId\": \"news\", \"archiveSeconds\": 60, \"format\": \"ts\"}",
                    List.of("archiveStart"));
            bodies.put("{\"subscriberId\": \"s1\", \"channelId\": \"news\", \"archiveStart\": \"yesterday\","
                    + " \"archiveSeconds\": 0, \"format\": \"ts\"}", List.of("archiveStart", "archiveSeconds"));
            bodies.put("{\"subscriberId\": \"s1\", \"channelId\": \"news\", \"archiveStart\": \"2026-11-21T08:00:00.5Z\","
                    + " \"archiveSeconds\": 86401}", List.of("archiveStart", "archiveSeconds", "format"));
            bodies.put("{\"subscriberId\": \"s1\", \"channelId\": \"News HD\", \"archiveStart\": \"2026-11-21T08:00:00Z\","
                    + " \"archiveSeconds\": 60, \"format\": \"ts\"}", List.of("channelId"));
            bodies.put("{\"subscriberId\": \"s1\", \"channelId\": \"news\", \"archiveStart\": 1795248000,"
                    + " \"archiveSeconds\": 60, \"format\": \"ts\"}", List.of());
            bodies.forEach((body, expected) -> {
                Reply reply = api.post("/api/v1/sessions", body);
                assertThat(reply.status()).as(body).isEqualTo(400);
                if (!expected.isEmpty()) {
                    assertThat(fields(reply)).as(body).containsExactlyInAnyOrderElementsOf(expected);
                }
            });
            assertThat(control.requests).isEmpty();
        }
    }

    @EachDatabase
    void the_operator_reads_the_denial_and_capacity_answers_503_with_retry_after(TestStore store) {
        RecordingControl control = new RecordingControl();
        try (ApiServer api = ApiServer.start(store, control)) {
            Reply denied = api.post("/api/v1/sessions", "{\"subscriberId\": \"s1\", \"channelId\": \"closed\", \"format\": \"ts\"}");
            assertProblem(denied, ProblemType.SESSION_DENIED, "/api/v1/sessions");
            assertThat(denied.json().get("detail").asText()).endsWith("not-in-packages");

            Reply busy = api.post("/api/v1/sessions", "{\"subscriberId\": \"s1\", \"channelId\": \"full\", \"format\": \"ts\"}");
            assertProblem(busy, ProblemType.CAPACITY_FULL, "/api/v1/sessions");
            assertThat(busy.header("Retry-After")).isEqualTo("10");
        }
    }

    @EachDatabase
    void bad_bodies_name_their_fields(TestStore store) {
        RecordingControl control = new RecordingControl();
        try (ApiServer api = ApiServer.start(store, control)) {
            Reply both = api.post("/api/v1/sessions", "{\"subscriberId\": \"s1\", \"username\": \"a\", \"channelId\": \"x\","
                    + " \"format\": \"hls\"}");
            assertProblem(both, ProblemType.VALIDATION_FAILED, "/api/v1/sessions");
            Reply bad = api.post("/api/v1/sessions", "{\"subscriberId\": \"s1\", \"channelId\": \"News HD\","
                    + " \"format\": \"dash\", \"clientAddress\": \"example.com\"}");
            assertProblem(bad, ProblemType.VALIDATION_FAILED, "/api/v1/sessions");
            assertThat(fields(bad)).containsExactlyInAnyOrder("format", "clientAddress", "channelId");
            Reply unknownUser = api.post("/api/v1/sessions", "{\"username\": \"nobody\", \"channelId\": \"x\", \"format\": \"hls\"}");
            assertProblem(unknownUser, ProblemType.UNKNOWN_REFERENCE, "/api/v1/sessions");
            assertThat(control.requests).isEmpty();
        }
    }
}
