package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.vod.MediaInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerExtensionTest {

    private static MediaInfo container(String name) {
        return new MediaInfo(Duration.ofMinutes(90), name, null, List.of(), null, List.of());
    }

    @Test
    void the_files_own_extension_wins_in_lower_case_without_query() {
        assertThat(ContainerExtension.of(URI.create("file:///media/Film.MKV"), container("mov,mp4,m4a"))).isEqualTo("mkv");
        assertThat(ContainerExtension.of(URI.create("https://cdn.example/a/b.mp4?sig=x.y"), null)).isEqualTo("mp4");
    }

    @Test
    void without_a_usable_extension_the_probed_container_decides_else_mp4() {
        assertThat(ContainerExtension.of(URI.create("https://cdn.example/stream"), container("matroska,webm")))
                .isEqualTo("mkv");
        assertThat(ContainerExtension.of(URI.create("file:///media/dir.v2/film"), container("mpegts"))).isEqualTo("ts");
        assertThat(ContainerExtension.of(URI.create("file:///media/film.toolongext"), null)).isEqualTo("mp4");
        assertThat(ContainerExtension.of(URI.create("file:///media/film."), container("avi"))).isEqualTo("avi");
        assertThat(ContainerExtension.of(null, null)).isEqualTo("mp4");
    }
}
