package headwater.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;

/**
 * Any bytes from a remote server either parse or fail with {@link PlaylistParseException}; nothing else escapes. What
 * parses can be written and read back to the same segments or variants.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this runs the seed corpus in {@code PlaylistParserFuzzTestInputs/parse} (real
 * playlists written by ffmpeg, the RFC 8216 examples, our golden files, an IPTV channel list). A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl media -am test -Dtest=PlaylistParserFuzzTest -Djazzer.max_duration=10m}.
 */
class PlaylistParserFuzzTest {
    private static final URI BASE = URI.create("https://origin.example/live/chan/index.m3u8");
    private static final PlaylistParser PARSER = new PlaylistParser(256 * 1024);

    @FuzzTest
    void parse(byte[] input) {
        Playlist playlist;
        try {
            playlist = PARSER.parse(input, BASE);
        } catch (PlaylistParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        Playlist again;
        try {
            again = PARSER.parse(PlaylistWriter.render(playlist), BASE);
        } catch (PlaylistParseException e) {
            throw new AssertionError("a rendered playlist does not parse: " + e.getMessage(), e);
        }
        switch (playlist) {
            case MediaPlaylist m -> {
                MediaPlaylist m2 = (MediaPlaylist) again;
                assertThat(m2.segments()).isEqualTo(m.segments());
                assertThat(m2.mediaSequence()).isEqualTo(m.mediaSequence());
                assertThat(m2.endList()).isEqualTo(m.endList());
            }
            case MultivariantPlaylist m -> {
                MultivariantPlaylist m2 = (MultivariantPlaylist) again;
                assertThat(m2.variants()).extracting(VariantStream::uri)
                        .isEqualTo(m.variants().stream().map(VariantStream::uri).toList());
                assertThat(m2.variants()).extracting(VariantStream::codecs)
                        .isEqualTo(m.variants().stream().map(VariantStream::codecs).toList());
            }
        }
    }
}
