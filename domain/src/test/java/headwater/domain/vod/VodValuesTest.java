package headwater.domain.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VodValuesTest {

    private static final URI FILE = URI.create("file:///srv/media/film.mkv");
    private static final MovieDraft FILM = MovieDraft.of("film", "Film", FILE);
    private static final SeriesDraft SHOW = SeriesDraft.of("show", "Show");
    private static final AudioTrack AAC = new AudioTrack("aac", 2, "eng");

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused("movie id", () -> MovieDraft.of("a b", "X", FILE), "movie id \"a b\" is not an id: it must start "
                        + "with a letter or digit and contain only ASCII letters, digits, '.', '_' and '-'"),
                refused("movie name", () -> FILM.withName(" "), "movie name is blank"),
                refused("source scheme", () -> FILM.withSource(URI.create("rtsp://cam.example/1")),
                        "movie source \"rtsp://cam.example/1\" has the scheme \"rtsp\": allowed are [file, http, https]"),
                refused("relative source", () -> FILM.withSource(URI.create("films/a.mkv")),
                        "movie source \"films/a.mkv\" is not an absolute hierarchical URI such as http://host/path"),
                refused("file source with a host", () -> FILM.withSource(URI.create("file://nas/films/a.mkv")),
                        "movie source \"file://nas/films/a.mkv\" is not a local file URI such as file:///srv/media/film.mkv"),
                refused("source missing", () -> MovieDraft.of("film", "Film", null), "movie source is missing"),
                refused("poster scheme", () -> FILM.withDescription(URI.create("file:///p.jpg"), null, null, null, null,
                        null, null), "movie poster \"file:///p.jpg\" has the scheme \"file\": allowed are [http, https]"),
                refused("plot control character", () -> FILM.withDescription(null, "a\u0007b", null, null, null, null,
                        null), "movie plot contains the control character U+0007 at index 1"),
                refused("plot too long", () -> FILM.withDescription(null, "p".repeat(10_001), null, null, null, null,
                        null), "movie plot is 10001 characters long: at most 10000 allowed"),
                refused("genre line break", () -> FILM.withDescription(null, null, null, null, "a\nb", null, null),
                        "movie genre contains the control character U+000A at index 1"),
                refused("year too early", () -> FILM.withYear(1869), "movie year is 1869: must be between 1870 and 2200"),
                refused("rating above 10", () -> FILM.withDescription(null, null, null, null, null, null, 10.5),
                        "movie rating is 10.5: must be between 0 and 10.0"),
                refused("rating NaN", () -> FILM.withDescription(null, null, null, null, null, null, Double.NaN),
                        "movie rating is NaN: must be between 0 and 10.0"),
                refused("category listed twice", () -> FILM.withCategoryIds(List.of("a", "a")),
                        "movie categoryIds lists \"a\" twice"),
                refused("series year", () -> SHOW.withYear(2201), "series year is 2201: must be between 1870 and 2200"),
                refused("series category id", () -> SHOW.withCategoryIds(Arrays.asList("ok", null)),
                        "series categoryIds[1] is missing"),
                refused("season number", () -> Season.of("show", -1), "season number is -1: must be between 0 and 10000"),
                refused("episode title", () -> EpisodeDraft.of("e1", "show", 1, 1, null, FILE), "episode title is missing"),
                refused("episode number", () -> EpisodeDraft.of("e1", "show", 1, 100_001, "T", FILE),
                        "episode episodeNumber is 100001: must be between 0 and 100000"),
                refused("episode source", () -> EpisodeDraft.of("e1", "show", 1, 1, "T", URI.create("udp://239.0.0.1:1234")),
                        "episode source \"udp://239.0.0.1:1234\" has the scheme \"udp\": allowed are [file, http, https]"),
                refused("audio codec with a colon", () -> new AudioTrack("a:c", 2, "eng"), "audio codec \"a:c\" is not a "
                        + "codec or format name: 1 to 64 ASCII letters, digits, '_', '.' or '-'"),
                refused("audio language with a comma", () -> new AudioTrack("aac", 2, "en,fr"),
                        "audio language \"en,fr\" is not a language code such as eng, de or pt-BR"),
                refused("audio language missing", () -> new AudioTrack("aac", 2, null),
                        "audio language is missing: use \"und\" when it is not known"),
                refused("audio channels", () -> new AudioTrack("aac", -1, "und"),
                        "audio channels is -1: must be between 0 and 64"),
                refused("video size", () -> new VideoTrack("h264", 70_000, 1080, 25),
                        "video width is 70000: must be between 0 and 65535"),
                refused("video frame rate", () -> new VideoTrack("h264", 1920, 1080, Double.POSITIVE_INFINITY),
                        "video frameRate is Infinity: must be between 0 and 1000.0"),
                refused("negative duration", () -> new MediaInfo(Duration.ofSeconds(-1), "mp4", null, List.of(), null,
                        List.of()), "media duration is PT-1S: must not be negative"),
                refused("container", () -> new MediaInfo(null, "mp4; rm -rf", null, List.of(), null, List.of()),
                        "media container \"mp4; rm -rf\" is not a container format name such as matroska,webm or "
                                + "mov,mp4,m4a,3gp,3g2,mj2"),
                refused("null audio track", () -> new MediaInfo(null, "mp4", null, Arrays.asList(AAC, null), null,
                        List.of()), "media audio[1] is missing"),
                refused("subtitle language", () -> new MediaInfo(null, "mp4", null, List.of(), null, List.of("eng", "")),
                        "media subtitleLanguages[1] \"\" is not a language code such as eng, de or pt-BR"),
                refused("query package id", () -> VodQuery.firstPage(10).inPackages(java.util.Set.of("a b")),
                        "vod query packageIds \"a b\" is not an id: it must start with a letter or digit and contain "
                                + "only ASCII letters, digits, '.', '_' and '-'"),
                refused("query limit", () -> VodQuery.firstPage(1001), "vod query limit is 1001: must be between 1 and 1000"),
                refused("query offset", () -> VodQuery.firstPage(10).page(-1, 10),
                        "vod query offset is -1: must not be negative"),
                refused("query sort", () -> VodQuery.firstPage(10).sortedBy(null, true),
                        "vod query sort is missing: one of NAME, ADDED, YEAR"),
                refused("negative bit rate", () -> new MediaInfo(null, "mp4", null, List.of(), -5L, List.of()),
                        "media bitRate is -5: must not be negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses_bad_values_naming_the_field_and_the_rule(String rule, ThrowingCallable make, String message) {
        assertThatThrownBy(make).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void keeps_valid_text_exactly_as_given() {
        String plot = "Line one,\r\nline two\twith <b>markup</b> and '); DROP TABLE movie; --";
        MovieDraft film = FILM.withDescription(URI.create("https://img.example/p.jpg"), plot, " Ann ", "Bo", "Drama",
                1870, 0.0).withSource(URI.create("https://cdn.example/f.mp4?sig=a%2Fb&x=1"));

        assertThat(film.plot()).isEqualTo(plot);
        assertThat(film.cast()).isEqualTo(" Ann ");
        assertThat(film.source()).hasToString("https://cdn.example/f.mp4?sig=a%2Fb&x=1");
        assertThat(Season.of("show", 0).number()).isZero();
    }

    @Test
    void media_durations_are_kept_to_the_millisecond() {
        MediaInfo info = new MediaInfo(Duration.ofNanos(3_000_999_999L), "mov,mp4,m4a,3gp,3g2,mj2",
                new VideoTrack("h264", 1280, 720, 29.97), List.of(AAC, new AudioTrack("ac3", 6, "pt-BR")), 1_200_000L,
                List.of("und"));

        assertThat(info.duration()).isEqualTo(Duration.ofMillis(3000));
        assertThat(info.audioLanguages()).containsExactly("eng", "pt-BR");
    }

    @Test
    void probe_errors_never_show_credentials_or_query_strings() {
        var error = new MediaProbeException(URI.create("http://user:secret@cdn.example:8080/movie/u/p/1.mkv?token=abc"),
                MediaProbeException.Reason.NOT_FOUND, "the server answered 404 Not Found");

        assertThat(error).hasMessage("cannot probe http://***@cdn.example:8080/movie/u/p/1.mkv?...: the server "
                + "answered 404 Not Found");
        assertThat(MediaProbeException.shown(URI.create("file:///srv/a%20b.mkv"))).isEqualTo("file:///srv/a%20b.mkv");
    }

    private static Arguments refused(String rule, ThrowingCallable make, String message) {
        return Arguments.of(rule, make, message);
    }
}
