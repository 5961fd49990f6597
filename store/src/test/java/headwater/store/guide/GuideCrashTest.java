package headwater.store.guide;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.guide.GuideEntry;
import headwater.domain.guide.GuideSourceDraft;
import headwater.store.ChildJvm;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.Dialect;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Kills an importing process with SIGKILL at random points, again and again, then checks that the guide is always
 * one whole guide, at least as new as the last import the process reported committed, and that garbage collection
 * removes what the killed imports left behind.
 */
class GuideCrashTest {

    @EachDatabase
    void a_guide_import_killed_at_any_point_leaves_a_whole_guide(TestStore store) throws Exception {
        store.channels().create(ChannelDraft.of("news", 1, "News").withEpgChannelId("news.example"));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        Guides.imports(store, Guides.WIDE).importFrom("epg", Guides.stream(GuideCrashImporter.guide(0)));
        DatabaseConfig config = store.config();
        store.closeDatabase();
        Random random = new Random();
        int committed = 0;
        int kills = store.dialect() == Dialect.SQLITE ? 6 : 4;
        for (int kill = 0; kill < kills; kill++) {
            committed = importUntilKilled(config, store.dialect(), committed + 1, random);
            Database database = store.database();
            List<GuideEntry> day = store.guide().range("news", Guides.at("00:00"), Guides.at("23:59"), 100);
            assertThat(day).hasSize(GuideCrashImporter.PROGRAMMES);
            String prefix = day.getFirst().title().substring(0, day.getFirst().title().indexOf(' '));
            assertThat(day).allMatch(e -> e.title().startsWith(prefix + " "));
            assertThat(Integer.parseInt(prefix.substring(1))).as("the guide after kill %d", kill)
                    .isGreaterThanOrEqualTo(committed);
            committed = Integer.parseInt(prefix.substring(1));
            if (store.dialect() == Dialect.SQLITE) {
                List<String> integrity = database.write(h -> h.createQuery("PRAGMA integrity_check")
                        .mapTo(String.class).list());
                assertThat(integrity).containsExactly("ok");
            }
            store.closeDatabase();
        }
        // What the killed imports left (unfinished generations, a replaced one not yet deleted) is collected.
        // The importer is always importing (or deleting the generation it replaced), so kills land mid-import.
        assertThat(store.guide().collectGarbage(Instant.now().plusSeconds(1))).isPositive();
        assertThat(GuideImportTest.count(store, "guide_generation")).isEqualTo(1);
        assertThat(GuideImportTest.count(store, "guide_programme"))
                .isEqualTo(GuideCrashImporter.CHANNELS * GuideCrashImporter.PROGRAMMES);
    }

    /** Runs an importer from guide {@code first}, kills it at a random point; returns the last guide it committed. */
    private static int importUntilKilled(DatabaseConfig config, Dialect dialect, int first, Random random)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(Integer.toString(first)));
        arguments.addAll(ChildJvm.databaseArguments(config, dialect));
        List<String> command = ChildJvm.command(GuideCrashImporter.class, arguments);
        Process importer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int committed = first - 1;
        int waitFor = random.nextInt(3);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(importer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            int seen = 0;
            while (seen <= waitFor && (line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    committed = Integer.parseInt(line.substring(10));
                }
                seen++; // READY counts as the first line
            }
            assertThat(importer.isAlive()).as("the importer died by itself").isTrue();
            Thread.sleep(random.nextInt(400));
            importer.destroyForcibly();
            importer.waitFor();
        } finally {
            importer.destroyForcibly();
        }
        return committed;
    }
}
