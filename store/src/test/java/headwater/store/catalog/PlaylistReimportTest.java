package headwater.store.catalog;

import static headwater.store.catalog.PlaylistImportTest.allChannels;
import static headwater.store.catalog.PlaylistImportTest.entriesOf;
import static headwater.store.catalog.PlaylistImportTest.importText;
import static headwater.store.catalog.PlaylistImportTest.imports;
import static headwater.store.catalog.PlaylistImportTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.importing.ChannelChange;
import headwater.domain.catalog.importing.ImportOptions;
import headwater.domain.catalog.importing.LinkedChannel;
import headwater.domain.catalog.importing.PlaylistImportReport;
import headwater.domain.m3u.PlaylistEntry;
import headwater.domain.m3u.StableKeys;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Re-importing an edited copy of the real playlist: three renames, two removals, two changed URLs and two additions
 * give exactly that diff, and what the operator changed in between survives.
 */
class PlaylistReimportTest {

    private static final ImportOptions OPTIONS = ImportOptions.DEFAULTS.withBatchSize(300);

    /** The sample as lines (a header, then an #EXTINF line and a URL line per entry) and the picked entries. */
    private record Edit(List<String> lines, int[] picked) {

        static Edit of(String text) throws IOException {
            List<PlaylistEntry> entries = entriesOf(text);
            List<String> lines = new ArrayList<>(text.lines().toList());
            assertThat(lines).hasSize(1 + 2 * entries.size());
            // Entries whose tvg-id, URL and name are each unique, so that each edit has one expected outcome.
            Map<String, Integer> counts = new HashMap<>();
            for (PlaylistEntry e : entries) {
                StableKeys k = StableKeys.of(e);
                counts.merge("id:" + k.tvgId().orElse("-"), 1, Integer::sum);
                counts.merge("url:" + k.url(), 1, Integer::sum);
                counts.merge("name:" + k.name(), 1, Integer::sum);
            }
            int[] picked = new int[7];
            int found = 0;
            for (int i = 10; i < entries.size() && found < picked.length; i += 97) {
                StableKeys k = StableKeys.of(entries.get(i));
                if (k.tvgId().isPresent() && counts.get("id:" + k.tvgId().get()) == 1 && counts.get("url:" + k.url()) == 1
                        && counts.get("name:" + k.name()) == 1) {
                    picked[found++] = i;
                }
            }
            assertThat(found).isEqualTo(picked.length);
            return new Edit(lines, picked);
        }

        int renamed(int n) {
            return picked[n];
        }

        int removed(int n) {
            return picked[3 + n];
        }

        int moved(int n) {
            return picked[5 + n];
        }

        String edited() {
            List<String> out = new ArrayList<>(lines);
            for (int n = 0; n < 3; n++) {
                int info = 1 + 2 * renamed(n);
                String line = out.get(info);
                out.set(info, line.substring(0, line.lastIndexOf(',') + 1) + "Renamed Channel " + n);
            }
            for (int n = 0; n < 2; n++) {
                out.set(2 + 2 * moved(n), "https://new-cdn.example/moved-" + n + ".m3u8");
            }
            out.add("#EXTINF:-1 tvg-id=\"added0.example\" group-title=\"Added\",Added Channel 0");
            out.add("https://added.example/0.m3u8");
            out.add("#EXTINF:-1 tvg-id=\"added1.example\" group-title=\"Added\",Added Channel 1");
            out.add("https://added.example/1.m3u8");
            for (int n = 1; n >= 0; n--) { // from the end, so that indexes stay valid
                int info = 1 + 2 * removed(n);
                out.remove(info + 1);
                out.remove(info);
            }
            return String.join("\n", out) + "\n";
        }
    }

    private static List<String> ids(List<ChannelChange> changes) {
        return changes.stream().map(ChannelChange::channelId).sorted().toList();
    }

    @EachDatabase
    void an_edited_copy_gives_exactly_its_diff(TestStore store) throws IOException {
        String text = sample();
        Edit edit = Edit.of(text);
        importText(store, text, OPTIONS);
        List<String> channelOf = imports(store).linked("free-tv-iptv.m3u8")
                .stream().map(LinkedChannel::channel).map(Channel::id).toList();
        Map<String, Channel> before = allChannels(store);

        PlaylistImportReport report = importText(store, edit.edited(), OPTIONS);

        assertThat(report.problems()).as(String.join("\n", report.lines())).isEmpty();
        assertThat(ids(report.renamed())).containsExactlyInAnyOrder(
                channelOf.get(edit.renamed(0)), channelOf.get(edit.renamed(1)), channelOf.get(edit.renamed(2)));
        assertThat(report.renamed()).allSatisfy(c -> assertThat(c.name()).startsWith("Renamed Channel "));
        assertThat(ids(report.updated())).containsExactlyInAnyOrder(channelOf.get(edit.moved(0)), channelOf.get(edit.moved(1)));
        assertThat(report.updated()).allSatisfy(c -> assertThat(c.changes()).containsExactly("url"));
        assertThat(ids(report.removed())).containsExactlyInAnyOrder(channelOf.get(edit.removed(0)), channelOf.get(edit.removed(1)));
        assertThat(report.removed()).allSatisfy(c -> assertThat(c.changes()).containsExactly("disabled"));
        assertThat(report.added()).extracting(ChannelChange::name).containsExactly("Added Channel 0", "Added Channel 1");
        assertThat(report.unchanged()).isEqualTo(2059 - 7);

        Map<String, Channel> after = allChannels(store);
        assertThat(after).hasSize(2059 + 2);
        for (int n = 0; n < 2; n++) {
            Channel moved = after.get(channelOf.get(edit.moved(n)));
            assertThat(moved.sources()).containsExactly(URI.create("https://new-cdn.example/moved-" + n + ".m3u8"));
            assertThat(moved.version()).isEqualTo(2);
            assertThat(after.get(channelOf.get(edit.removed(n))).enabled()).isFalse();
        }
        // Everything else is as it was, version included.
        var untouched = new HashMap<>(before);
        for (int i : edit.picked) {
            untouched.remove(channelOf.get(i));
        }
        assertThat(after).containsAllEntriesOf(untouched);

        // The same edited copy again: nothing to do.
        PlaylistImportReport again = importText(store, edit.edited(), OPTIONS);
        assertThat(again.noChange()).as(String.join("\n", again.lines())).isTrue();
        assertThat(allChannels(store)).isEqualTo(after);
    }

    @EachDatabase
    void the_operators_edits_survive_a_reimport(TestStore store) throws IOException {
        String text = sample();
        Edit edit = Edit.of(text);
        importText(store, text, OPTIONS);
        Function<Integer, String> channelOf = i -> imports(store).linked("free-tv-iptv.m3u8").get(i).channel().id();
        String movedId = channelOf.apply(edit.moved(0));
        String renamedId = channelOf.apply(edit.renamed(0));
        String disabledId = channelOf.apply(0);
        String removedId = channelOf.apply(edit.removed(0));
        // The operator: renumbers and re-guides the channel whose URL will change, and sells it in a package...
        Channel moved = store.channels().get(movedId);
        store.channels().update(moved.version(), moved.draft().withNumber(90_000).withEpgChannelId("operator.epg"));
        store.packages().create(Package.of("basic", "Basic", movedId, renamedId));
        // ...names the channel the playlist will rename, disables another, and adds a backup source to a third.
        Channel renamed = store.channels().get(renamedId);
        store.channels().update(renamed.version(), renamed.draft().withName("Operator's Name"));
        Channel disabled = store.channels().get(disabledId);
        store.channels().update(disabled.version(), disabled.draft().withEnabled(false));

        PlaylistImportReport report = importText(store, edit.edited(), OPTIONS);

        Channel movedAfter = store.channels().get(movedId);
        assertThat(movedAfter.number()).isEqualTo(90_000);
        assertThat(movedAfter.epgChannelId()).isEqualTo("operator.epg");
        assertThat(movedAfter.sources()).containsExactly(URI.create("https://new-cdn.example/moved-0.m3u8"));
        assertThat(store.packages().get("basic").channelIds()).containsExactlyInAnyOrder(movedId, renamedId);
        assertThat(store.channels().get(renamedId).name()).isEqualTo("Operator's Name");
        assertThat(report.renamed()).filteredOn(c -> c.channelId().equals(renamedId)).singleElement()
                .satisfies(c -> assertThat(c.changes()).contains("title", "kept the operator's name"));
        assertThat(store.channels().get(disabledId).enabled()).isFalse();
        assertThat(store.channels().get(removedId).enabled()).isFalse();

        // The original playlist again: the removed entries come back and are enabled again, the added ones go.
        PlaylistImportReport back = importText(store, text, OPTIONS);
        assertThat(store.channels().get(removedId).enabled()).isTrue();
        assertThat(back.updated()).filteredOn(c -> c.channelId().equals(removedId)).singleElement()
                .satisfies(c -> assertThat(c.changes()).containsExactly("back in the playlist"));
        assertThat(back.removed()).extracting(ChannelChange::name).containsExactlyInAnyOrder("Added Channel 0", "Added Channel 1");
        assertThat(store.channels().get(disabledId).enabled()).isFalse();
        assertThat(store.channels().get(movedId).number()).isEqualTo(90_000);
        assertThat(store.channels().get(renamedId).name()).isEqualTo("Operator's Name");
        assertThat(allChannels(store)).hasSize(2061);
    }

    @EachDatabase
    void removed_entries_are_deleted_when_asked(TestStore store) throws IOException {
        String text = sample();
        Edit edit = Edit.of(text);
        importText(store, text, OPTIONS);
        String removedId = imports(store).linked("free-tv-iptv.m3u8").get(edit.removed(1)).channel().id();

        PlaylistImportReport report = importText(store, edit.edited(), OPTIONS.deletingRemoved(true));

        assertThat(report.removed()).hasSize(2).allSatisfy(c -> assertThat(c.changes()).containsExactly("deleted"));
        assertThat(store.channels().find(removedId)).isEmpty();
        assertThat(allChannels(store)).hasSize(2059);
        assertThat(imports(store).linked("free-tv-iptv.m3u8")).hasSize(2059);
    }

    @EachDatabase
    void a_dry_run_reports_the_diff_and_writes_nothing(TestStore store) throws IOException {
        String text = sample();
        Edit edit = Edit.of(text);
        importText(store, text, OPTIONS);
        Map<String, Channel> before = allChannels(store);
        var links = imports(store).linked("free-tv-iptv.m3u8");

        PlaylistImportReport report = importText(store, edit.edited(), OPTIONS.dryRun(true));

        assertThat(report.applied()).isFalse();
        assertThat(report.summary()).endsWith("(dry run: nothing written)");
        assertThat(report.renamed()).hasSize(3);
        assertThat(report.added()).hasSize(2);
        assertThat(allChannels(store)).isEqualTo(before);
        assertThat(imports(store).linked("free-tv-iptv.m3u8")).isEqualTo(links);
    }

    /**
     * An import that stops after two of its batches (a crash, a lost connection) leaves those batches whole; importing
     * again creates the rest, and nothing twice.
     */
    @EachDatabase
    void an_interrupted_import_completes_without_duplicates(TestStore store) throws IOException {
        String text = sample();
        JdbiPlaylistImportStore real = imports(store);
        int[] applied = {0};
        var failing = (headwater.domain.catalog.importing.PlaylistImportStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {headwater.domain.catalog.importing.PlaylistImportStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("apply") && ++applied[0] > 2) {
                        throw new IllegalStateException("the process died here");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var interrupted = new headwater.domain.catalog.importing.PlaylistImporter(failing, store.categories(),
                TestStore.CLOCK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> interrupted.importPlaylist("free-tv-iptv.m3u8", "test",
                new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), OPTIONS))
                .hasMessage("the process died here");
        assertThat(allChannels(store)).hasSize(600); // two batches of 300
        assertThat(imports(store).links("free-tv-iptv.m3u8")).hasSize(600);

        PlaylistImportReport again = importText(store, text, OPTIONS);

        assertThat(again.added()).hasSize(2059 - 600);
        assertThat(again.unchanged()).isEqualTo(600);
        assertThat(allChannels(store)).hasSize(2059);
        assertThat(importText(store, text, OPTIONS).noChange()).isTrue();
    }
}
