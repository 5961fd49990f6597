package headwater.domain.m3u;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The re-import matching rules as a table: previous entries (with the operator's reference), the new playlist, and
 * the diff in one line per entry: {@code <kind> <new title> <- <previous ref> <rule> [changes]}, then
 * {@code added <title>} and {@code removed <ref>}.
 */
class PlaylistMatcherTest {

    /** An entry: tvg-id (null for none), title, URL, then optional extra attribute pairs. */
    private static PlaylistEntry e(String tvgId, String title, String url, String... more) {
        var pairs = new ArrayList<String>();
        if (tvgId != null) {
            pairs.add("tvg-id");
            pairs.add(tvgId);
        }
        pairs.addAll(List.of(more));
        return PlaylistEntry.of(title, Attributes.of(pairs.toArray(String[]::new)), url);
    }

    private static ImportedEntry p(String ref, PlaylistEntry entry) {
        return new ImportedEntry(ref, entry);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("the same entry is unchanged",
                        List.of(p("p1", e("a.tv", "A", "http://u/1"))),
                        List.of(e("a.tv", "A", "http://u/1")),
                        List.of("unchanged A <- p1 TVG_ID_AND_URL []")),
                Arguments.of("a new URL under the same tvg-id and name is a change",
                        List.of(p("p1", e("a.tv", "A", "http://u/1"))),
                        List.of(e("a.tv", "A", "http://u/2")),
                        List.of("changed A <- p1 TVG_ID_AND_NAME [url]")),
                Arguments.of("a new name under the same tvg-id and URL is a rename",
                        List.of(p("p1", e("a.tv", "A", "http://u/1"))),
                        List.of(e("a.tv", "A Plus", "http://u/1")),
                        List.of("renamed A Plus <- p1 TVG_ID_AND_URL [title]")),
                Arguments.of("a new name and URL under the same tvg-id is a rename with a change",
                        List.of(p("p1", e("a.tv", "A", "http://u/1"))),
                        List.of(e("a.tv", "B", "http://u/2")),
                        List.of("renamed B <- p1 TVG_ID [title, url]")),
                Arguments.of("without tvg-id, the same URL under a new name is a rename",
                        List.of(p("p1", e(null, "Old Name", "http://u/1"))),
                        List.of(e(null, "New Name", "http://u/1")),
                        List.of("renamed New Name <- p1 URL [title]")),
                Arguments.of("without tvg-id or URL in common, the same name is a change of URL",
                        List.of(p("p1", e(null, "Sport 1", "http://u/1"))),
                        List.of(e(null, "Sport 1", "http://u/2")),
                        List.of("changed Sport 1 <- p1 NAME [url]")),
                Arguments.of("names match ignoring case, accents and spacing (and it is still a rename)",
                        List.of(p("p1", e(null, "Télé  Nord Ⓢ", "http://u/1"))),
                        List.of(e(null, "TELE nord S", "http://u/2")),
                        List.of("renamed TELE nord S <- p1 NAME [title, url]")),
                Arguments.of("tvg-id ignores case",
                        List.of(p("p1", e("BBC1.uk", "BBC One", "http://u/1"))),
                        List.of(e("bbc1.uk", "BBC One", "http://u/1")),
                        List.of("changed BBC One <- p1 TVG_ID_AND_URL [attribute tvg-id]")),
                Arguments.of("a new tvg-id on the same URL and name is a change",
                        List.of(p("p1", e("old.tv", "A", "http://u/1"))),
                        List.of(e("new.tv", "A", "http://u/1")),
                        List.of("changed A <- p1 URL_AND_NAME [attribute tvg-id]")),
                Arguments.of("a tvg-id added upstream is a change",
                        List.of(p("p1", e(null, "A", "http://u/1"))),
                        List.of(e("a.tv", "A", "http://u/1")),
                        List.of("changed A <- p1 URL_AND_NAME [attribute tvg-id]")),
                Arguments.of("tvg-id wins over URL",
                        List.of(p("p1", e("a.tv", "A", "http://u/1")), p("p2", e("b.tv", "B", "http://u/2"))),
                        List.of(e("a.tv", "Alpha", "http://u/2")),
                        List.of("renamed Alpha <- p1 TVG_ID [title, url]", "removed p2")),
                Arguments.of("URL wins over name",
                        List.of(p("p1", e(null, "N", "http://u/1")), p("p2", e(null, "M", "http://u/2"))),
                        List.of(e(null, "N", "http://u/2")),
                        List.of("renamed N <- p2 URL [title]", "removed p1")),
                Arguments.of("several sources of one tvg-id pair by URL, whatever their order",
                        List.of(p("hd", e("a.tv", "A HD", "http://u/hd")), p("sd", e("a.tv", "A SD", "http://u/sd"))),
                        List.of(e("a.tv", "A SD", "http://u/sd"), e("a.tv", "A HD", "http://u/hd")),
                        List.of("unchanged A SD <- sd TVG_ID_AND_URL []", "unchanged A HD <- hd TVG_ID_AND_URL []")),
                Arguments.of("an exact pair is not taken by an earlier, weaker candidate",
                        List.of(p("x1", e("a.tv", "A", "http://u/1")), p("x2", e("a.tv", "A", "http://u/3"))),
                        List.of(e("a.tv", "A", "http://u/2"), e("a.tv", "A", "http://u/1")),
                        List.of("changed A <- x2 TVG_ID_AND_NAME [url]", "unchanged A <- x1 TVG_ID_AND_URL []")),
                Arguments.of("a duplicated new entry is matched once and the copy is added",
                        List.of(p("p1", e("a.tv", "A", "http://u/1"))),
                        List.of(e("a.tv", "A", "http://u/1"), e("a.tv", "A", "http://u/1")),
                        List.of("unchanged A <- p1 TVG_ID_AND_URL []", "added A")),
                Arguments.of("a duplicated previous entry is matched once and the copy is removed",
                        List.of(p("p1", e(null, "A", "http://u/1")), p("p2", e(null, "A", "http://u/1"))),
                        List.of(e(null, "A", "http://u/1")),
                        List.of("unchanged A <- p1 URL_AND_NAME []", "removed p2")),
                Arguments.of("unrelated entries are added and removed",
                        List.of(p("p1", e("a.tv", "A", "http://u/1"))),
                        List.of(e("b.tv", "B", "http://u/2")),
                        List.of("added B", "removed p1")),
                Arguments.of("a different tvg-id does not stop a URL match",
                        List.of(p("p1", e("a.tv", "A", "http://u/1"))),
                        List.of(e("b.tv", "B", "http://u/1")),
                        List.of("renamed B <- p1 URL [title, attribute tvg-id]")),
                Arguments.of("attribute changes are named; their order does not count",
                        List.of(p("p1", e("a.tv", "A", "http://u/1", "tvg-logo", "http://l/1", "tvg-chno", "5"))),
                        List.of(e("a.tv", "A", "http://u/1", "tvg-chno", "5", "tvg-logo", "http://l/2", "radio", "true")),
                        List.of("changed A <- p1 TVG_ID_AND_URL [attribute radio, attribute tvg-logo]")),
                Arguments.of("an empty previous import adds everything",
                        List.of(),
                        List.of(e("a.tv", "A", "http://u/1"), e(null, "B", "http://u/2")),
                        List.of("added A", "added B")),
                Arguments.of("an empty playlist removes everything",
                        List.of(p("p1", e("a.tv", "A", "http://u/1")), p("p2", e(null, "B", "http://u/2"))),
                        List.of(),
                        List.of("removed p1", "removed p2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void matches(String rule, List<ImportedEntry> previous, List<PlaylistEntry> current, List<String> expected) {
        PlaylistDiff diff = PlaylistDiff.between(previous, current);
        assertThat(render(diff, current)).isEqualTo(expected);
        assertEveryEntryOnce(diff, previous, current);
    }

    @Test
    void changesNameOtherFields() {
        var before = new PlaylistEntry(-1, "A", Attributes.none(), java.util.Optional.of("G1"),
                Attributes.of("http-user-agent", "x"), Attributes.none(), "http://u/1", Attributes.of("referer", "r"));
        var after = new PlaylistEntry(10, "A", Attributes.none(), java.util.Optional.empty(),
                Attributes.none(), Attributes.of("inputstream", "x"), "http://u/1", Attributes.of("Referer", "r"));
        assertThat(PlaylistMatcher.changes(before, after)).containsExactly("group", "duration", "#EXTVLCOPT", "#KODIPROP");
    }

    @Test
    void summarises() {
        PlaylistDiff diff = PlaylistDiff.between(
                List.of(p("p1", e("a.tv", "A", "http://u/1")), p("p2", e("b.tv", "B", "http://u/2"))),
                List.of(e("a.tv", "A", "http://u/1"), e("c.tv", "C", "http://u/3")));
        assertThat(diff.summary()).isEqualTo("1 unchanged, 0 changed, 0 renamed, 1 added, 1 removed");
    }

    /** Many random playlists over a small pool of ids, URLs and names, so that keys collide often. */
    @Test
    void neverLosesOrDuplicatesAnEntry() {
        var random = new Random(20261121);
        for (int round = 0; round < 300; round++) {
            List<ImportedEntry> previous = new ArrayList<>();
            int oldCount = random.nextInt(12);
            for (int i = 0; i < oldCount; i++) {
                previous.add(p("p" + i, randomEntry(random)));
            }
            List<PlaylistEntry> current = new ArrayList<>();
            int newCount = random.nextInt(12);
            for (int i = 0; i < newCount; i++) {
                current.add(randomEntry(random));
            }
            PlaylistDiff diff = PlaylistDiff.between(previous, current);
            assertEveryEntryOnce(diff, previous, current);
            // Matching the same list against itself pairs everything, and nothing changes.
            List<ImportedEntry> self = new ArrayList<>();
            current.forEach(entry -> self.add(p("s", entry)));
            PlaylistDiff same = PlaylistDiff.between(self, current);
            assertThat(same.unchanged()).hasSize(current.size());
        }
    }

    private static PlaylistEntry randomEntry(Random random) {
        String id = random.nextInt(3) == 0 ? null : "id" + random.nextInt(4);
        return e(id, "Name " + random.nextInt(4), "http://u/" + random.nextInt(4));
    }

    private static void assertEveryEntryOnce(PlaylistDiff diff, List<ImportedEntry> previous, List<PlaylistEntry> current) {
        List<EntryMatch> matches = new ArrayList<>();
        matches.addAll(diff.unchanged());
        matches.addAll(diff.changed());
        matches.addAll(diff.renamed());
        Set<Object> news = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> olds = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntryMatch match : matches) {
            assertThat(news.add(match.current())).isTrue();
            assertThat(olds.add(match.previous())).isTrue();
        }
        diff.added().forEach(entry -> assertThat(news.add(entry)).isTrue());
        diff.removed().forEach(entry -> assertThat(olds.add(entry)).isTrue());
        assertThat(news).hasSize(current.size());
        assertThat(olds).hasSize(previous.size());
        current.forEach(entry -> assertThat(news).contains(entry));
        previous.forEach(entry -> assertThat(olds).contains(entry));
    }

    private static List<String> render(PlaylistDiff diff, List<PlaylistEntry> current) {
        var lines = new ArrayList<String>();
        for (PlaylistEntry entry : current) {
            Stream.of(diff.unchanged().stream().map(m -> new Object[] {"unchanged", m}),
                            diff.changed().stream().map(m -> new Object[] {"changed", m}),
                            diff.renamed().stream().map(m -> new Object[] {"renamed", m}))
                    .flatMap(s -> s)
                    .filter(pair -> ((EntryMatch) pair[1]).current() == entry)
                    .findFirst()
                    .ifPresentOrElse(pair -> {
                        EntryMatch m = (EntryMatch) pair[1];
                        lines.add(pair[0] + " " + entry.title() + " <- " + m.previous().ref() + " " + m.rule() + " " + m.changes());
                    }, () -> lines.add("added " + entry.title()));
        }
        diff.removed().forEach(removed -> lines.add("removed " + removed.ref()));
        return lines;
    }
}
