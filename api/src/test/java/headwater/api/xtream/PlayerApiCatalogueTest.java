package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * With a catalogue stamp, PlayerApi keeps what it read and serialized while the stamp stays the same: the answers are
 * those of the golden files on the first and on the repeated request, a store change shows only once the stamp moves,
 * and an archive that starts or stops recording shows at once (it is not part of the stamp).
 */
class PlayerApiCatalogueTest {

    private static final String ALICE = "username=alice&password=secret";
    private static final String LIVE = "/player_api.php?" + ALICE + "&action=get_live_streams";

    @EachDatabase
    void every_answer_read_from_the_kept_catalogue_matches_its_golden_file(TestStore store) throws IOException {
        try (PlayerApiServer server = PlayerApiServer.start(store, PlayerApiServer.PUBLIC_URL, () -> "v1")) {
            for (int round = 1; round <= 2; round++) {
                for (Map.Entry<String, String> entry : PlayerApiGoldenTest.CASES.entrySet()) {
                    String actual = PlayerApiGoldenTest.indent(server.get(entry.getValue()).body());
                    assertThat(actual).as(entry.getKey() + ", request " + round).isEqualTo(Files.readString(
                            PlayerApiGoldenTest.GOLDEN.resolve(entry.getKey() + ".json"), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @EachDatabase
    void a_store_change_shows_when_the_stamp_moves_and_an_archive_change_at_once(TestStore store) {
        AtomicReference<Object> stamp = new AtomicReference<>("v1");
        try (PlayerApiServer server = PlayerApiServer.start(store, PlayerApiServer.PUBLIC_URL, stamp::get)) {
            String before = server.get(LIVE).body();
            assertThat(before).doesNotContain("Weather");

            store.channels().create(ChannelDraft.of("weather", 106, "Weather"));
            Package basic = store.packages().find("basic").orElseThrow();
            store.packages().update(basic.version(), basic.withChannelIds(union(basic.channelIds(), "weather")));
            assertThat(server.get(LIVE).body()).as("same stamp: the kept catalogue").isEqualTo(before);
            assertThat(server.get("/player_api.php?" + ALICE + "&action=get_short_epg&stream_id=7").body())
                    .as("other actions still answer from it").contains("epg_listings");

            stamp.set("v2");
            String after = server.get(LIVE).body();
            assertThat(after).as("new stamp: read again").contains("\"name\":\"Weather\"");

            server.archives.remove("news-1");
            assertThat(server.get(LIVE).body()).as("the archive stopped: no tv_archive any more")
                    .doesNotContain("\"tv_archive\":1");
            server.archives.put("news-1", PlayerApiServer.NEWS_ARCHIVE);
            assertThat(server.get(LIVE).body()).as("and back").isEqualTo(after);
        }
    }

    private static Set<String> union(Set<String> ids, String id) {
        Set<String> all = new HashSet<>(ids);
        all.add(id);
        return all;
    }
}
