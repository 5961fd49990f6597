package headwater.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelDraftTest {

    private static final ChannelDraft NEWS = ChannelDraft.of("news-hd", 101, "News HD");

    @Test
    void keeps_valid_values_exactly_as_given() {
        ChannelDraft draft = new ChannelDraft("a.b_c-1", 99_999, " <b>Spaces & markup</b> ",
                URI.create("https://logo.example/x.png"), List.of("news", "hd"), " tvg id ",
                List.of(URI.create("http://a.example/1.ts"), URI.create("srt://b.example:9000")), 365, true, false);

        assertThat(draft.name()).isEqualTo(" <b>Spaces & markup</b> ");
        assertThat(draft.epgChannelId()).isEqualTo(" tvg id ");
        assertThat(draft.sources()).containsExactly(URI.create("http://a.example/1.ts"), URI.create("srt://b.example:9000"));
        assertThat(ChannelDraft.of("x", 1, "X").withNumber(2).number()).isEqualTo(2);
    }

    @Test
    void ids_name_the_field_and_the_rule() {
        assertThatThrownBy(() -> ChannelDraft.of(null, 1, "X")).isInstanceOf(InvalidValueException.class)
                .hasMessage("channel id is missing");
        assertThatThrownBy(() -> ChannelDraft.of("", 1, "X"))
                .hasMessage("channel id \"\" is 0 characters long: 1 to 64 allowed");
        assertThatThrownBy(() -> ChannelDraft.of("news hd", 1, "X"))
                .hasMessage("channel id \"news hd\" is not an id: it must start with a letter or digit and contain "
                        + "only ASCII letters, digits, '.', '_' and '-'");
        assertThatThrownBy(() -> ChannelDraft.of("-news", 1, "X")).hasMessageStartingWith("channel id \"-news\" is not an id");
        assertThatThrownBy(() -> ChannelDraft.of("x".repeat(65), 1, "X"))
                .hasMessageEndingWith("is 65 characters long: 1 to 64 allowed");
    }

    @Test
    void numbers_archive_days_and_names_have_ranges() {
        assertThatThrownBy(() -> NEWS.withNumber(0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("channel number is 0: must be between 1 and 99999")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("number");
        assertThatThrownBy(() -> NEWS.withNumber(100_000)).hasMessage("channel number is 100000: must be between 1 and 99999");
        assertThatThrownBy(() -> NEWS.withArchiveDays(-1)).hasMessage("channel archiveDays is -1: must be between 0 and 365");
        assertThatThrownBy(() -> NEWS.withArchiveDays(366)).hasMessage("channel archiveDays is 366: must be between 0 and 365");
        assertThatThrownBy(() -> NEWS.withName(null)).hasMessage("channel name is missing");
        assertThatThrownBy(() -> NEWS.withName(" \t")).hasMessage("channel name is blank");
        assertThatThrownBy(() -> NEWS.withName("n".repeat(201)))
                .hasMessage("channel name is 201 characters long: at most 200 allowed");
        assertThat(NEWS.withName("n".repeat(200)).name()).hasSize(200);
        assertThatThrownBy(() -> NEWS.withName("News\u0000HD"))
                .hasMessage("channel name contains the control character U+0000 at index 4");
        assertThatThrownBy(() -> NEWS.withName("bad \uD800 half"))
                .hasMessage("channel name contains an unpaired UTF-16 surrogate at index 4");
        assertThatThrownBy(() -> NEWS.withEpgChannelId("line\nbreak"))
                .hasMessage("channel epgChannelId contains the control character U+000A at index 4");
        assertThatThrownBy(() -> NEWS.withEpgChannelId("  ")).hasMessage("channel epgChannelId is blank: leave it unset instead");
    }

    @Test
    void uris_must_be_absolute_with_an_allowed_scheme() {
        assertThatThrownBy(() -> NEWS.withLogo(URI.create("logo.png")))
                .hasMessage("channel logo \"logo.png\" is not an absolute hierarchical URI such as http://host/path");
        assertThatThrownBy(() -> NEWS.withLogo(URI.create("javascript:alert(1)")))
                .hasMessage("channel logo \"javascript:alert(1)\" is not an absolute hierarchical URI such as http://host/path");
        assertThatThrownBy(() -> NEWS.withLogo(URI.create("ftp://x.example/logo.png")))
                .hasMessage("channel logo \"ftp://x.example/logo.png\" has the scheme \"ftp\": allowed are [http, https]");
        assertThatThrownBy(() -> NEWS.withSources(List.of(URI.create("http://a.example/"), URI.create("file:///etc/passwd"))))
                .hasMessage("channel sources[1] \"file:///etc/passwd\" has the scheme \"file\": allowed are "
                        + "[http, https, rtmp, rtmps, rtp, rtsp, srt, udp]");
        assertThatThrownBy(() -> NEWS.withSources(List.of(URI.create("http://a.example/"), URI.create("http://a.example/"))))
                .hasMessage("channel sources lists http://a.example/ twice");
        assertThatThrownBy(() -> NEWS.withSources(Collections.nCopies(33, URI.create("http://a.example/"))))
                .hasMessage("channel sources has 33 entries: at most 32 allowed");
        List<URI> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> NEWS.withSources(withNull)).hasMessage("channel sources[0] is missing");
        assertThatThrownBy(() -> NEWS.withLogo(URI.create("https://x.example/" + "a".repeat(8200))))
                .hasMessage("channel logo is 8218 characters long: at most 8192 allowed");
    }

    @Test
    void uri_text_that_does_not_parse_names_the_field_and_the_position() {
        assertThatThrownBy(() -> Check.parseUri("channel", "sources[0]", "http://a.example/<script>"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("channel sources[0] \"http://a.example/<script>\" is not a URI: Illegal character in path at index 17");
        assertThat(Check.parseUri("channel", "logo", "https://x.example/a.png")).isEqualTo(URI.create("https://x.example/a.png"));
    }

    @Test
    void category_ids_are_ids_and_unique() {
        assertThatThrownBy(() -> NEWS.withCategoryIds(List.of("news", "news")))
                .hasMessage("channel categoryIds lists \"news\" twice");
        assertThatThrownBy(() -> NEWS.withCategoryIds(List.of("news", "a b")))
                .hasMessageStartingWith("channel categoryIds[1] \"a b\" is not an id");
    }

    @Test
    void a_stored_channel_starts_at_version_one() {
        assertThatThrownBy(() -> new Channel(NEWS, 0, java.time.Instant.EPOCH, java.time.Instant.EPOCH))
                .hasMessage("channel version is 0: stored versions start at 1");
        Channel channel = new Channel(NEWS, 1, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        assertThat(channel.id()).isEqualTo("news-hd");
        assertThat(channel.number()).isEqualTo(101);
        assertThat(channel.enabled()).isTrue();
    }
}
