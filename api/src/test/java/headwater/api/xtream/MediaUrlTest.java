package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar of the Xtream media URLs, form by form and edge by edge. */
class MediaUrlTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final MediaCredentials ALICE = new MediaCredentials.Password("alice", "pw");

    static MediaUrl parse(String path) {
        return MediaUrl.parse(path, name -> null, UTC);
    }

    static MediaUrl query(Map<String, String> query) {
        return MediaUrl.parse(MediaUrlParser.TIMESHIFT_PHP, query::get, LONDON);
    }

    @Test
    void every_form() {
        assertThat(parse("/live/alice/pw/12.ts")).isEqualTo(new MediaUrl.Live(ALICE, 12, false));
        assertThat(parse("/live/alice/pw/12.m3u8")).isEqualTo(new MediaUrl.Live(ALICE, 12, true));
        assertThat(parse("/live/alice/pw/12")).isEqualTo(new MediaUrl.Live(ALICE, 12, false));
        assertThat(parse("/live/tok/12.TS")).isEqualTo(new MediaUrl.Live(new MediaCredentials.Token("tok"), 12, false));
        assertThat(parse("/alice/pw/12")).isEqualTo(new MediaUrl.Live(ALICE, 12, false));
        assertThat(parse("/alice/pw/12.m3u8")).isEqualTo(new MediaUrl.Live(ALICE, 12, true));
        assertThat(parse("/movie/alice/pw/0.MP4")).isEqualTo(new MediaUrl.Movie(ALICE, 0, "mp4"));
        assertThat(parse("/series/tok/2147483647.mkv"))
                .isEqualTo(new MediaUrl.Episode(new MediaCredentials.Token("tok"), Integer.MAX_VALUE, "mkv"));
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(parse("/timeshift/alice/pw/60/2026-11-21:10-00/7.ts"))
                .isEqualTo(new MediaUrl.Timeshift(ALICE, 7, false, start, 60));
        assertThat(parse("/timeshift/tok/60/2026-11-21:10-00/7.m3u8"))
                .isEqualTo(new MediaUrl.Timeshift(new MediaCredentials.Token("tok"), 7, true, start, 60));
        assertThat(parse("/timeshifts/alice/pw/60/7/2026-11-21:10-00.ts"))
                .isEqualTo(new MediaUrl.Timeshift(ALICE, 7, false, start, 60));
        assertThat(parse("/timeshifts/alice/pw/60/7/2026-11-21%3A10-00"))
                .isEqualTo(new MediaUrl.Timeshift(ALICE, 7, false, start, 60));
        assertThat(query(Map.of("username", "alice", "password", "pw", "stream", "7", "start", "2026-11-21:10-00",
                "duration", "1440"))).isEqualTo(new MediaUrl.Timeshift(ALICE, 7, false, start, 1440));
        assertThat(query(Map.of("token", "tok", "stream", "7", "start", "2026-11-21:10-00", "duration", "5",
                "extension", "m3u8"))).isEqualTo(new MediaUrl.Timeshift(new MediaCredentials.Token("tok"), 7, true,
                start, 5));
    }

    @Test
    void path_segments_are_percent_decoded_as_utf8_and_plus_stays_plus() {
        assertThat(parse("/live/j%C3%BCrgen/a+b%2Fc%25/1.ts"))
                .isEqualTo(new MediaUrl.Live(new MediaCredentials.Password("jürgen", "a+b/c%"), 1, false));
        assertThat(parse("/live/alice/bad%zz/1.ts")).isEqualTo(new MediaUrl.Malformed("path",
                "invalid percent-encoding or UTF-8 in a path segment"));
        assertThat(parse("/live/alice/bad%4/1.ts")).isInstanceOf(MediaUrl.Malformed.class);
        assertThat(parse("/live/alice/bad%/1.ts")).isInstanceOf(MediaUrl.Malformed.class);
        assertThat(parse("/live/alice/%C3%28/1.ts")).isInstanceOf(MediaUrl.Malformed.class);
        assertThat(parse("/live/alice/%D9%A3/1.ts")).as("٣, a digit elsewhere")
                .isEqualTo(new MediaUrl.Live(new MediaCredentials.Password("alice", "\u0663"), 1, false));
        assertThat(parse("/live/alice/%\u0663\u0663/1.ts")).as("only ASCII hex escapes")
                .isInstanceOf(MediaUrl.Malformed.class);
    }

    @ParameterizedTest
    @CsvSource({
        "/live/alice/pw/01.ts", "/live/alice/pw/-1.ts", "/live/alice/pw/+1.ts", "/live/alice/pw/2147483648.ts",
        "/live/alice/pw/1e3.ts", "/live/alice/pw/.ts", "/live/alice/pw/news.ts", "/live/a/b/c/1.ts", "/live/1.ts",
        "/live", "/", "''", "/a/b/1.mp4", "/a/b/x", "/a/b", "/a/b/c/d", "/s/t/1.ts", "/api/v1/1", "/live//pw/1.ts/x",
        "/movie/a/b/1.2.3/x", "/timeshift/a/b/60/x/y/7.ts", "/timeshift/a/b/60/2026-11-21:10-00/x.ts", "/timeshifts/a/b/60/x/2026-11-21:10-00.ts",
        "/streaming/timeshift.php/x", "live/a/b/1.ts"})
    void what_names_no_stream_is_not_media(String path) {
        assertThat(parse(path)).isEqualTo(new MediaUrl.NotMedia());
    }

    @ParameterizedTest
    @CsvSource({
        "/live/alice/pw/1.mp4, extension", "/live/tok/1.m3u, extension", "/movie/a/b/1, extension",
        "/movie/a/b/1., extension", "/movie/a/b/1.abcdefghi, extension", "/series/a/b/1.m_v, extension",
        "/live//pw/1.ts, username", "/live/alice//1.ts, password", "/live//1.ts, token", "//pw/1.ts, username",
        "/timeshift/a/b/0/2026-11-21:10-00/1.ts, duration", "/timeshift/a/b/1441/2026-11-21:10-00/1.ts, duration",
        "/timeshift/a/b/060/2026-11-21:10-00/1.ts, duration", "/timeshift/a/b//2026-11-21:10-00/1.ts, duration",
        "/timeshift/a/b/60/2026-11-21 10:00/1.ts, start", "/timeshift/a/b/60/2026-11-21:10:00/1.ts, start",
        "/timeshift/a/b/60/2026-02-30:10-00/1.ts, start", "/timeshift/a/b/60/2026-11-21:24-00/1.ts, start",
        "/timeshift/a/b/60/1969-12-31:23-59/1.ts, start", "/timeshift/a/b/60/2026-11-21:10-00-60/1.ts, start",
        "/timeshift/a/b/60/2026-1-21:10-00/1.ts, start", "/timeshift/a/b/60/+026-11-21:10-00/1.ts, start",
        "/timeshift/a/b/60/2026-11-21:10-00/1.mkv, extension"})
    void malformed_parts_are_named(String path, String field) {
        assertThat(parse(path)).isInstanceOfSatisfying(MediaUrl.Malformed.class,
                malformed -> assertThat(malformed.field()).isEqualTo(field));
    }

    @Test
    void credentials_longer_than_256_characters_are_malformed() {
        assertThat(parse("/live/alice/" + "p".repeat(256) + "/1.ts")).isInstanceOf(MediaUrl.Live.class);
        assertThat(parse("/live/alice/" + "p".repeat(257) + "/1.ts")).isEqualTo(new MediaUrl.Malformed("password",
                "must be 1 to 256 characters"));
        assertThat(parse("/live/" + "u".repeat(257) + "/pw/1.ts")).isInstanceOfSatisfying(MediaUrl.Malformed.class,
                m -> assertThat(m.field()).isEqualTo("username"));
        assertThat(parse("/live/" + "t".repeat(257) + "/1.ts")).isInstanceOfSatisfying(MediaUrl.Malformed.class,
                m -> assertThat(m.field()).isEqualTo("token"));
    }

    @Test
    void the_query_form_names_what_is_missing() {
        Map<String, String> all = Map.of("username", "alice", "password", "pw", "stream", "7",
                "start", "2026-11-21:10-00", "duration", "60");
        assertThat(field(without(all, "username"))).isEqualTo("username");
        assertThat(field(without(all, "password"))).isEqualTo("password");
        assertThat(field(without(all, "stream"))).isEqualTo("stream");
        assertThat(field(without(all, "start"))).isEqualTo("start");
        assertThat(field(without(all, "duration"))).isEqualTo("duration");
        assertThat(field(with(all, "stream", "7.mp4"))).isEqualTo("extension");
        assertThat(field(with(all, "extension", "flv"))).isEqualTo("extension");
        assertThat(field(with(all, "duration", "-5"))).isEqualTo("duration");
        assertThat(query(with(all, "token", "tok"))).as("username and password win over a token")
                .isInstanceOfSatisfying(MediaUrl.Timeshift.class, t -> assertThat(t.credentials()).isEqualTo(ALICE));
    }

    @Test
    void start_times_are_local_to_the_server_zone_across_daylight_saving() {
        assertThat(MediaUrlParser.start("2026-07-01:20-30", LONDON)).isEqualTo(Instant.parse("2026-07-01T19:30:00Z"));
        assertThat(MediaUrlParser.start("2026-12-01:20-30-59", LONDON))
                .isEqualTo(Instant.parse("2026-12-01T20:30:59Z"));
        // 01:30 does not exist on 29 March 2026 in London (clocks go 01:00 → 02:00): it moves forward an hour.
        assertThat(MediaUrlParser.start("2026-03-29:01-30", LONDON)).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        // 01:30 happens twice on 25 October 2026: the earlier (BST) one.
        assertThat(MediaUrlParser.start("2026-10-25:01-30", LONDON)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(MediaUrlParser.start("1970-01-01:00-00", UTC)).isEqualTo(Instant.EPOCH);
        assertThat(MediaUrlParser.start("1970-01-01:00-30", ZoneId.of("+01:00"))).as("before 1970 in UTC").isNull();
    }

    @Test
    void credentials_never_show_their_secret() {
        assertThat(new MediaCredentials.Password("alice", "hunter2").toString()).doesNotContain("hunter2")
                .contains("alice");
        assertThat(new MediaCredentials.Token("0123abcd").toString()).doesNotContain("0123abcd");
        assertThat(parse("/live/alice/hunter2/1.ts").toString()).doesNotContain("hunter2");
    }

    private static String field(Map<String, String> query) {
        MediaUrl url = query(query);
        assertThat(url).isInstanceOf(MediaUrl.Malformed.class);
        return ((MediaUrl.Malformed) url).field();
    }

    private static Map<String, String> without(Map<String, String> query, String name) {
        Map<String, String> copy = new java.util.HashMap<>(query);
        copy.remove(name);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(query);
        copy.put(name, value);
        return copy;
    }
}
