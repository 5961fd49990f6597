package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.Argon2PasswordHasher;
import headwater.api.xtream.PlaylistRenderings.Key;
import headwater.api.xtream.PlaylistRenderings.LiveSection;
import headwater.domain.archive.ArchiveSpan;
import headwater.domain.archive.ArchiveStatus;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * get.php under a catalogue stamp: the live section is rendered once per lineup and form and written again with each
 * subscriber's credentials, byte for byte what streaming from the store writes (the golden files of
 * {@link ExportTest}); archive changes show at once, catalogue changes with the next stamp value.
 */
class PlaylistRenderingsTest {

    private static final String ALICE = "username=alice&password=p%40ss%20w%2Frd";
    private static final String BOB = "username=bob&password=b0b-secret";

    /** A stamp the test moves, and an archive status whose channels the test sets. */
    private final AtomicInteger stamp = new AtomicInteger();
    private final AtomicReference<Set<String>> archived = new AtomicReference<>(Set.of("news"));
    private final ArchiveStatus archive = channelId -> archived.get().contains(channelId)
            ? Optional.of(new ArchiveSpan(ExportServer.DAY, ExportServer.DAY.plus(Duration.ofHours(6)), 1))
            : Optional.empty();

    private ExportServer start(TestStore store) {
        ExportServer server = ExportServer.start(store, stamp::get, archive);
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).create(SubscriberDraft.of("s2", "bob",
                new Argon2PasswordHasher().hash("b0b-secret".toCharArray())).withPlanId("gold"));
        return server;
    }

    @EachDatabase
    void another_subscribers_kept_rendering_gives_the_golden_playlists_byte_for_byte(TestStore store) {
        try (ExportServer server = start(store)) {
            for (int round = 0; round < 2; round++) {
                // bob (same plan, so the same lineup) renders the sections; alice gets them with her credentials
                assertThat(text(server, "/get.php?" + BOB + "&type=m3u_plus&output=ts")).contains("/live/bob/b0b-secret/1.ts")
                        .doesNotContain("alice");
                Golden.assertMatches("get-m3u_plus-ts.m3u", text(server, "/get.php?" + ALICE + "&type=m3u_plus&output=ts"));
                text(server, "/get.php?" + BOB + "&type=m3u&output=hls&key=live");
                Golden.assertMatches("get-m3u-hls-live.m3u", text(server, "/get.php?" + ALICE + "&type=m3u&output=hls&key=live"));
            }
        }
    }

    @EachDatabase
    void each_playlist_token_gets_its_own_urls_and_catch_up_source(TestStore store) {
        try (ExportServer server = start(store)) {
            String first = server.tokens.issue("s1", null, "TV").secret();
            String second = server.tokens.issue("s1", null, "Phone").secret();

            String one = text(server, "/get.php?token=" + first + "&output=m3u8");
            String two = text(server, "/get.php?token=" + second + "&output=m3u8");

            assertThat(one).contains("/timeshift/" + first + "/{duration:60}", "/live/" + first + "/1.m3u8");
            assertThat(two).doesNotContain(first).isEqualTo(one.replace(first, second));
        }
    }

    @EachDatabase
    void an_archive_that_appears_or_goes_shows_at_once_under_the_same_stamp(TestStore store) {
        try (ExportServer server = start(store)) {
            String before = text(server, "/get.php?" + ALICE + "&key=live");
            assertThat(before).containsOnlyOnce("catchup=\"xc\"");

            archived.set(Set.of("news", "sport"));
            String both = text(server, "/get.php?" + ALICE + "&key=live");
            archived.set(Set.of());
            String none = text(server, "/get.php?" + ALICE + "&key=live");

            assertThat(both).contains("tvg-chno=\"2\" catchup=\"xc\" catchup-days=\"1\" timeshift=\"1\",Sport");
            assertThat(none).doesNotContain("catchup");
        }
    }

    @EachDatabase
    void a_catalogue_change_shows_with_the_next_stamp_value(TestStore store) {
        try (ExportServer server = start(store)) {
            String before = text(server, "/get.php?" + ALICE + "&key=live");
            store.channels().createAll(List.of(ChannelDraft.of("late", 9, "Late Show")));
            store.packages().addChannels("basic", List.of("late"));

            assertThat(text(server, "/get.php?" + ALICE + "&key=live")).as("kept while the stamp is the same")
                    .isEqualTo(before);
            stamp.incrementAndGet();
            assertThat(text(server, "/get.php?" + ALICE + "&key=live")).startsWith(before).contains(",Late Show\n");
        }
    }

    @Test
    void a_section_is_cut_at_every_marker_and_refused_when_a_text_holds_one_more() throws IOException {
        byte[] marker = "\uE000m\uE001".getBytes(StandardCharsets.UTF_8);
        String rendered = "a \uE000m\uE001/1 é\n\uE000m\uE001/2\n";
        byte[] bytes = rendered.getBytes(StandardCharsets.UTF_8);

        LiveSection section = LiveSection.of(List.of("x"), new int[] {-1}, bytes, marker, 2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        section.write(out, "u/p".getBytes(StandardCharsets.US_ASCII));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a u/p/1 é\nu/p/2\n");
        assertThat(LiveSection.of(List.of(), new int[0], bytes, marker, 1)).as("one marker more than written")
                .isNull();
        assertThat(LiveSection.of(List.of(), new int[0], bytes, marker, 3)).as("one fewer").isNull();
        assertThat(section.current(id -> Optional.empty())).isTrue();
        assertThat(section.current(id -> Optional.of(new ArchiveSpan(ExportServer.DAY, ExportServer.DAY, 2))))
                .isFalse();
    }

    @Test
    void renderings_stop_being_kept_at_the_byte_bound() {
        PlaylistRenderings renderings = new PlaylistRenderings("s");
        byte[] big = new byte[(int) (PlaylistRenderings.MAX_BYTES / 2) + 1];
        LiveSection section = new LiveSection(List.of(), new int[0], big, new int[0]);

        renderings.keep(key("a"), section);
        assertThat(renderings.room()).isTrue();
        renderings.keep(key("b"), section);

        assertThat(renderings.section(key("a"))).isSameAs(section);
        assertThat(renderings.section(key("b"))).as("beyond the bound").isNull();
        renderings.keep(key("a"), section);
        assertThat(renderings.section(key("a"))).as("a replacement is not counted twice").isSameAs(section);
        assertThat(renderings.room()).isTrue();
    }

    private static Key key(String base) {
        return new Key(Set.of("basic"), true, "ts", false, base);
    }

    private static String text(ExportServer server, String pathAndQuery) {
        HttpResponse<byte[]> reply = server.get(pathAndQuery);
        assertThat(reply.statusCode()).isEqualTo(200);
        return new String(reply.body(), StandardCharsets.UTF_8);
    }
}
