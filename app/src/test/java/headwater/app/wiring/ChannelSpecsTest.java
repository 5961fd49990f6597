package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.ConfigLoader;
import headwater.app.config.HeadwaterConfig;
import headwater.headend.ChannelSpec;
import headwater.media.ts.DemuxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which data PIDs a channel packages is configuration: {@code hls.keep*} reaches every channel's demux options. */
class ChannelSpecsTest {

    private static final String CHANNEL = """
            channels:
              - id: news
                sources: [ "udp://@:5000" ]
            """;

    @Test
    void by_default_subtitles_and_scte35_are_kept_and_other_data_dropped(@TempDir Path dir) throws Exception {
        ChannelSpec spec = only(load(dir, CHANNEL, Map.of()));

        assertThat(spec.demux()).isEqualTo(new DemuxOptions(0, true, true, false)).isEqualTo(DemuxOptions.DEFAULTS);
    }

    @Test
    void the_file_and_the_environment_choose_which_data_pids_are_packaged(@TempDir Path dir) throws Exception {
        String yaml = """
                hls:
                  keepSubtitles: false
                  keepOtherData: true
                """ + CHANNEL;

        assertThat(only(load(dir, yaml, Map.of())).demux()).isEqualTo(new DemuxOptions(0, false, true, true));
        assertThat(only(load(dir, yaml, Map.of("HEADWATER_HLS_KEEP_SCTE35", "false"))).demux())
                .isEqualTo(new DemuxOptions(0, false, false, true));
    }

    @Test
    void a_catalogue_channel_keeps_its_archive_days(@TempDir Path dir) throws Exception {
        HeadwaterConfig config = load(dir, CHANNEL, Map.of());
        List<java.net.URI> sources = List.of(java.net.URI.create("udp://239.0.0.1:1234"));

        assertThat(ChannelSpecs.forCatalogue(config, "replay", "Replay", sources, 7).archiveDays()).isEqualTo(7);
        assertThat(ChannelSpecs.forCatalogue(config, "live", "Live", sources).archiveDays()).isZero();
        assertThat(only(config).archiveDays()).as("configuration channels keep none").isZero();
    }

    private static HeadwaterConfig load(Path dir, String yaml, Map<String, String> env) throws Exception {
        Path file = Files.writeString(dir.resolve("headwater.yml"), yaml);
        return ConfigLoader.load(Optional.of(file), env, List.of());
    }

    private static ChannelSpec only(HeadwaterConfig config) {
        List<ChannelSpec> specs = ChannelSpecs.of(config);
        assertThat(specs).hasSize(1);
        return specs.getFirst();
    }
}
