package headwater.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchiveConfigTest {

    @Test
    void defaults_to_fifty_gigabytes_under_the_data_directory() {
        ArchiveConfig c = ArchiveConfig.defaults();
        assertThat(c.maxBytes()).isEqualTo(50_000_000_000L);
        assertThat(c.directory(Path.of("/srv/headwater"))).isEqualTo(Path.of("/srv/headwater/archive"));
        assertThat(c.directory(Path.of("data"))).isEqualTo(Path.of("data/archive").toAbsolutePath());
    }

    @Test
    void a_configured_directory_is_used_as_it_is() {
        ArchiveConfig c = new ArchiveConfig(Optional.of(Path.of("/mnt/dvr/../dvr2")), ArchiveConfig.MIN_MAX_BYTES);
        assertThat(c.directory(Path.of("/srv/headwater"))).isEqualTo(Path.of("/mnt/dvr2"));
    }

    @Test
    void refuses_a_budget_out_of_range_naming_the_key() {
        assertThatThrownBy(() -> new ArchiveConfig(Optional.empty(), 99_999_999L))
                .hasMessage("archive.maxBytes must be between 100 MB and 1 PB, got 99999999 B");
        assertThat(ArchiveConfig.acceptsMaxBytes(ArchiveConfig.MAX_MAX_BYTES)).isTrue();
        assertThat(ArchiveConfig.acceptsMaxBytes(ArchiveConfig.MAX_MAX_BYTES + 1)).isFalse();
        assertThat(new ArchiveConfig(null, ArchiveConfig.DEFAULT_MAX_BYTES).dir()).isEmpty();
    }
}
