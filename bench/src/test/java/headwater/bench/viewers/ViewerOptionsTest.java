package headwater.bench.viewers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ViewerOptionsTest {

    @Test
    void defaultsAreTheIssuesRunAndTheBodyTakesSubscriberChannelAndDevice() {
        ViewerOptions o = ViewerOptions.parse(new String[] {"--server", "http://127.0.0.1:28473", "--channel", "bench"},
                "key");
        assertThat(o.viewers()).isEqualTo(10_000);
        assertThat(o.seconds()).isEqualTo(600);
        assertThat(o.subscribers()).isEqualTo(100);
        assertThat(o.api()).hasToString("http://127.0.0.1:28473/api/v1/");
        assertThat(String.format(Locale.ROOT, o.sessionBody(), "bench-1", "bench", "viewer-0"))
                .isEqualTo("{\"subscriberId\":\"bench-1\",\"channelId\":\"bench\",\"format\":\"hls\","
                        + "\"deviceKey\":\"viewer-0\"}");
        assertThat(o.toString()).doesNotContain("key");
    }

    @Test
    void aLastPartialSubscriberCounts() {
        ViewerOptions o = ViewerOptions.parse(new String[] {"--server", "http://h:1/", "--channel", "c", "--viewers",
            "1001", "--per-subscriber", "100"}, "key");
        assertThat(o.subscribers()).isEqualTo(11);
    }

    @Test
    void refusesAMissingKeyAnUnknownOptionAndAMissingValue() {
        String[] minimal = {"--server", "http://h:1", "--channel", "c"};
        assertThatThrownBy(() -> ViewerOptions.parse(minimal, null)).hasMessageContaining("HW_ADMIN_KEY");
        assertThatThrownBy(() -> ViewerOptions.parse(new String[] {"--viewrs", "1"}, "k"))
                .hasMessageContaining("unknown option --viewrs");
        assertThatThrownBy(() -> ViewerOptions.parse(new String[] {"--viewers"}, "k"))
                .hasMessageContaining("--viewers needs a value");
        assertThatThrownBy(() -> ViewerOptions.parse(new String[] {"--server", "http://h:1", "--channel", "c",
            "--seconds", "0"}, "k")).hasMessageContaining("positive");
    }
}
