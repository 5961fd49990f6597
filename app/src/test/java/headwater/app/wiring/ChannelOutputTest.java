package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.delivery.Playlist;
import headwater.headend.Channel;
import headwater.headend.ChannelSpec;
import headwater.headend.source.SourceContext;
import headwater.headend.source.SourceFactory;
import headwater.testkit.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery keeps one off-heap copy of each playlist version and tells versions apart by the identity of the array
 * (PlaylistBuffers): the channel's output must hand out the same array until the playlist changes, or every request
 * re-encodes it.
 */
class ChannelOutputTest {

    @TempDir
    Path dir;

    @Test
    void aPlaylistIsTheSameArrayUntilItChanges() throws Exception {
        Path file = dir.resolve("loop.ts");
        Files.write(file, Fixtures.bytes(Fixtures.H264_AAC_180P));
        SourceContext context = SourceContext.defaults("test");
        ChannelSpec spec = ChannelSpec.of("news-hd", "News HD", List.of(URI.create(file.toUri() + "?speed=4")))
                .withTargetDuration(Duration.ofSeconds(1));
        Channel channel = new Channel(spec, dir.resolve("live"),
                (s, uri) -> SourceFactory.create(uri, context.forChannel(s.id())), new SimpleMeterRegistry(),
                InstantSource.system());
        channel.start();
        try {
            ChannelOutput output = new ChannelOutput(channel);
            await().atMost(Duration.ofSeconds(30)).until(() -> output.mediaPlaylist() instanceof Playlist.Ready);
            boolean compared = false;
            byte[] media = null;
            for (int attempt = 0; attempt < 100 && !compared; attempt++) {
                // media, variants, variants, media: when both media reads show the same text, no new version came
                // in between (every version lists another segment), so all four reads are of one version
                media = body(output.mediaPlaylist());
                byte[] variants = body(output.multivariantPlaylist());
                byte[] variantsAgain = body(output.multivariantPlaylist());
                byte[] mediaAgain = body(output.mediaPlaylist());
                if (Arrays.equals(media, mediaAgain)) {
                    assertThat(mediaAgain).as("one version, one array").isSameAs(media);
                    assertThat(variantsAgain).isSameAs(variants);
                    compared = true;
                }
            }
            assertThat(compared).as("two reads of one version").isTrue();
            byte[] before = media;
            await().atMost(Duration.ofSeconds(30)).until(() -> !Arrays.equals(body(output.mediaPlaylist()), before));
            assertThat(body(output.mediaPlaylist())).as("a new version, a new array").isNotSameAs(before);
        } finally {
            channel.close();
            context.httpClient().close();
        }
    }

    private static byte[] body(Playlist playlist) {
        return ((Playlist.Ready) playlist).body();
    }
}
