package headwater.domain.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.m3u.M3uFormatException;
import headwater.domain.m3u.M3uParser;
import headwater.domain.m3u.ParseOptions;
import headwater.domain.m3u.ParsedPlaylist;
import headwater.domain.m3u.PlaylistEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Whatever a playlist holds, every entry it parses to becomes a valid channel (the catalogue's own checks run in
 * {@link ChannelDraft}'s constructor) without an exception: bad values are left out with a problem, never thrown.
 * And every entry survives the way the import stores it: its text reads back to an equal entry, alone or among
 * others.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seeds in {@code EntryFieldsFuzzTestInputs}. A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl domain -am test -Dtest=EntryFieldsFuzzTest -Djazzer.max_duration=10m}.
 */
class EntryFieldsFuzzTest {

    private static final M3uParser PARSER = new M3uParser(new ParseOptions(16 * 1024, 10));

    @FuzzTest
    void everyEntryBecomesAChannel(byte[] input) throws IOException {
        ParsedPlaylist parsed;
        try {
            parsed = PARSER.read(new ByteArrayInputStream(input));
        } catch (M3uFormatException refused) {
            return;
        }
        List<PlaylistEntry> entries = parsed.playlist().entries();
        var resolver = new CategoryResolver(List.of());
        var ids = new HashSet<String>();
        var numbers = new NumberPlan(java.util.Set.of());
        var texts = new ArrayList<String>();
        for (PlaylistEntry entry : entries) {
            var problems = new ArrayList<String>();
            EntryFields fields = EntryFields.of(entry, parsed.playlist().header(), problems::add);
            Integer wanted = fields.number();
            int number = wanted != null && numbers.take(wanted) ? wanted : numbers.next();
            ChannelDraft draft = new ChannelDraft(Slugs.unique(Slugs.of(fields.name(), "channel"), ids), number,
                    fields.name(), fields.logo(), resolver.ids(fields.groups(), fields.radio()), fields.epgChannelId(),
                    fields.sources(), fields.archiveDays(), fields.radio(), fields.enabled());
            assertThat(draft.enabled()).isEqualTo(!draft.sources().isEmpty());
            resolver.drainCreated();
            String text = PlaylistImporter.textOf(entry);
            assertThat(PlaylistImporter.entriesOf(List.of(text))).containsExactly(entry);
            assertThat(PlaylistImporter.entryKey(entry)).hasSize(64);
            texts.add(text);
        }
        assertThat(PlaylistImporter.entriesOf(texts)).isEqualTo(entries);
    }
}
