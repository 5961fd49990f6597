package headwater.store.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.importing.ChannelChange;
import headwater.domain.catalog.importing.ImportOptions;
import headwater.domain.catalog.importing.LinkedChannel;
import headwater.domain.catalog.importing.PlaylistImportReport;
import headwater.domain.catalog.importing.PlaylistImporter;
import headwater.domain.m3u.ImportNotice;
import headwater.domain.m3u.M3uParser;
import headwater.domain.m3u.PlaylistEntry;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** M3U import into the catalogue, on SQLite and PostgreSQL, with the real 2,059-entry playlist and edited copies. */
class PlaylistImportTest {

    static final String SOURCE_NAME = "free-tv-iptv.m3u8";
    private static final String SOURCE = SOURCE_NAME;
    private static final ImportOptions OPTIONS = ImportOptions.DEFAULTS.withBatchSize(500);

    static String sample() throws IOException {
        return Files.readString(Samples.freeTvPlaylist(), StandardCharsets.UTF_8);
    }

    static List<PlaylistEntry> entriesOf(String text) throws IOException {
        return new M3uParser().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).playlist().entries();
    }

    static PlaylistImportReport importText(TestStore store, String text, ImportOptions options) throws IOException {
        return importer(store).importPlaylist(SOURCE, "/srv/" + SOURCE,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options);
    }

    static PlaylistImporter importer(TestStore store) {
        return new PlaylistImporter(imports(store), store.categories(), TestStore.CLOCK);
    }

    static JdbiPlaylistImportStore imports(TestStore store) {
        return new JdbiPlaylistImportStore(store.database(), TestStore.CLOCK);
    }

    static Map<String, Channel> allChannels(TestStore store) {
        var all = new HashMap<String, Channel>();
        ChannelQuery query = ChannelQuery.firstPage(ChannelQuery.MAX_LIMIT);
        while (true) {
            var page = store.channels().list(query);
            page.items().forEach(c -> all.put(c.id(), c));
            if (!page.hasMore()) {
                return all;
            }
            query = query.next();
        }
    }

    /** The channel of each entry of the source, in playlist order. */
    static List<Channel> channelsInOrder(TestStore store) {
        return imports(store).linked(SOURCE).stream().filter(l -> l.link().present())
                .map(LinkedChannel::channel).toList();
    }

    @EachDatabase
    void imports_every_entry_of_the_sample_with_its_attributes(TestStore store) throws IOException {
        String text = sample();
        List<PlaylistEntry> entries = entriesOf(text);

        PlaylistImportReport report = importText(store, text, OPTIONS);

        assertThat(report.entries()).isEqualTo(2059);
        assertThat(report.added()).hasSize(2059);
        assertThat(report.summary()).startsWith(SOURCE + ": 2059 entries: 2059 added, 0 updated, 0 renamed, 0 removed, "
                + "0 unchanged, ");
        // The sample's own flaws, each reported on its line: sub-channel and repeated numbers, broken logos, and
        // nine entries whose "URL" is the text [NO PUBLIC STREAM].
        Map<Long, List<String>> problems = report.problems().stream().collect(Collectors.groupingBy(ImportNotice::line,
                Collectors.mapping(ImportNotice::message, Collectors.toList())));
        assertThat(report.problemCount()).isEqualTo(report.problems().size()).isEqualTo(1332);
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.message()).matches(
                "tvg-chno .* (is not a whole number|is already used); the next free number is used"
                        + "|tvg-logo is not used: .*"
                        + "|the URL '\\[NO PUBLIC STREAM]' is not a URI \\(Illegal character in path\\); the channel "
                        + "is imported disabled, without a source"));
        assertThat(report.problems()).filteredOn(p -> p.message().contains("NO PUBLIC STREAM")).hasSize(9);

        Map<String, Channel> stored = allChannels(store);
        assertThat(stored).hasSize(2059);
        Map<String, Category> categories = store.categories().list(null).stream()
                .collect(Collectors.toMap(Category::id, Function.identity()));
        List<LinkedChannel> linked = imports(store).linked(SOURCE);
        assertThat(linked).hasSize(2059);
        List<Long> lines = report.added().stream().map(ChannelChange::line).toList();
        for (int i = 0; i < entries.size(); i++) {
            PlaylistEntry entry = entries.get(i);
            LinkedChannel l = linked.get(i);
            Channel channel = stored.get(l.channel().id());
            List<String> entryProblems = problems.getOrDefault(lines.get(i), List.of());
            assertThat(l.link().position()).isEqualTo(i);
            // The stored entry keeps every attribute (tvg-country, tvg-language... too), exactly.
            assertThat(entriesOf(l.link().entry())).containsExactly(entry);
            assertThat(channel.name()).isEqualTo(entry.displayName());
            assertThat(channel.epgChannelId()).isEqualTo(entry.tvgId().orElse(null));
            if (entryProblems.stream().anyMatch(p -> p.startsWith("tvg-logo"))) {
                assertThat(channel.logo()).isNull();
            } else {
                assertThat(Optional.ofNullable(channel.logo()).map(URI::toString)).isEqualTo(entry.tvgLogo());
            }
            assertThat(channel.categoryIds().stream().map(id -> categories.get(id).name()).toList())
                    .isEqualTo(entry.groupTitles());
            assertThat(channel.radio()).isEqualTo(entry.radio());
            if (entry.url().equals("[NO PUBLIC STREAM]")) {
                assertThat(channel.sources()).isEmpty();
                assertThat(channel.enabled()).isFalse();
            } else {
                assertThat(channel.sources()).containsExactly(URI.create(entry.url()));
                assertThat(channel.enabled()).isTrue();
            }
            if (entry.tvgChno().isPresent() && entryProblems.stream().noneMatch(p -> p.startsWith("tvg-chno"))) {
                assertThat(channel.number()).hasToString(entry.tvgChno().get());
            }
        }
        assertThat(imports(store).source(SOURCE)).hasValueSatisfying(record -> {
            assertThat(record.entries()).isEqualTo(2059);
            assertThat(record.location()).isEqualTo("/srv/" + SOURCE);
            assertThat(record.header()).startsWith("#EXTM3U x-tvg-url=\"https://epgshare01.online/");
        });
    }

    @EachDatabase
    void importing_the_same_playlist_again_changes_nothing(TestStore store) throws IOException {
        String text = sample();
        importText(store, text, OPTIONS);
        Map<String, Channel> before = allChannels(store);

        PlaylistImportReport again = importText(store, text, OPTIONS);

        assertThat(again.noChange()).as(String.join("\n", again.lines())).isTrue();
        assertThat(again.unchanged()).isEqualTo(2059);
        assertThat(again.problems()).isEmpty();
        assertThat(allChannels(store)).isEqualTo(before);
        assertThat(store.categories().list(null)).hasSameSizeAs(Set.copyOf(before.values().stream()
                .flatMap(c -> c.categoryIds().stream()).toList()));
    }
}
