package headwater.store.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.epg.EpgChannel;
import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportOutcome;
import headwater.domain.guide.GuideRefreshScheduler;
import headwater.domain.guide.GuideSource;
import headwater.domain.guide.GuideSourceDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

class GuideSourceRepositoryTest {

    @EachDatabase
    void creates_updates_lists_and_deletes_sources(TestStore store) {
        var sources = store.guideSources();
        GuideSourceDraft draft = new GuideSourceDraft("epg-1", "Provider <b>'1'</b>", "https://epg.example/guide.xml.gz",
                Duration.ofMinutes(-90), 5, Duration.ofHours(6), true);

        GuideSource created = sources.create(draft);
        sources.create(GuideSourceDraft.of("epg-0", "Zero", "/data/guide.xml"));

        assertThat(created).isEqualTo(new GuideSource(draft, 1, null, Guides.NOW, Guides.NOW));
        assertThat(sources.get("epg-1")).isEqualTo(created);
        assertThat(sources.list()).extracting(GuideSource::id).containsExactly("epg-1", "epg-0");
        assertThatThrownBy(() -> sources.create(GuideSourceDraft.of("epg-1", "Again", "/x")))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("guide source id epg-1 already exists");

        GuideSource updated = sources.update(1, draft.withPriority(-3).withEnabled(false));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(sources.get("epg-1")).isEqualTo(updated);
        assertThat(sources.list()).extracting(GuideSource::id).containsExactly("epg-0", "epg-1");
        assertThatThrownBy(() -> sources.update(1, draft)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("guide source epg-1 was changed concurrently: the update expected version 1, the stored "
                        + "version is 2; read it again and reapply the change");
        assertThatThrownBy(() -> sources.update(1, GuideSourceDraft.of("nope", "N", "/x")))
                .isInstanceOf(NotFoundException.class).hasMessage("guide source nope does not exist");

        GuideImportOutcome failure = GuideImportOutcome.failed(Guides.NOW, "line 3: malformed XML",
                Duration.ofMillis(1234));
        sources.recordFailure("epg-1", failure);
        assertThat(sources.get("epg-1").lastImport()).isEqualTo(failure);
        assertThat(sources.get("epg-1").version()).isEqualTo(2);
        assertThatThrownBy(() -> sources.recordFailure("nope", failure)).isInstanceOf(NotFoundException.class);

        assertThat(sources.delete("epg-1")).isTrue();
        assertThat(sources.delete("epg-1")).isFalse();
        assertThat(sources.find("epg-1")).isEmpty();
    }

    @EachDatabase
    void refuses_invalid_drafts_naming_the_field(TestStore store) {
        assertThatThrownBy(() -> GuideSourceDraft.of("bad id", "N", "/x")).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("guide source id \"bad id\" is not an id");
        assertThatThrownBy(() -> GuideSourceDraft.of("a", "N", "/x").withTimeShift(Duration.ofHours(25)))
                .hasMessage("guide source timeShift is PT25H: must be whole milliseconds between -24 and +24 hours");
        assertThatThrownBy(() -> GuideSourceDraft.of("a", "N", "/x").withRefreshInterval(Duration.ofSeconds(10)))
                .hasMessage("guide source refreshInterval is PT10S: must be whole milliseconds between 1 minute and "
                        + "30 days");
        assertThatThrownBy(() -> GuideSourceDraft.of("a", "N", " ")).hasMessage("guide source location is blank");
        assertThat(store.guideSources().list()).isEmpty();
    }

    @EachDatabase
    void the_scheduler_refreshes_due_sources_and_a_failed_refresh_keeps_the_old_guide(TestStore store)
            throws Exception {
        Path dir = Files.createTempDirectory("guide-sources-");
        Path file = dir.resolve("guide.xml");
        Files.write(file, Guides.xml(List.of(EpgChannel.of("n", "News")), Guides.schedule("n", Guides.at("00:00"), 48,
                "Good")));
        store.channels().create(headwater.domain.catalog.ChannelDraft.of("news", 1, "News"));
        store.guideSources().create(GuideSourceDraft.of("file", "File", file.toString()));
        store.guideSources().create(GuideSourceDraft.of("url", "URL", "http://127.0.0.1/guide.xml"));
        store.guideSources().create(GuideSourceDraft.of("off", "Off", file.toString()).withEnabled(false));
        GuideImport imports = new GuideImport(store.guideSources(), store.guide(), store.channels(),
                GuideFetcher.localFiles(), TestStore.CLOCK, Guides.WIDE);
        GuideRefreshScheduler scheduler = new GuideRefreshScheduler(imports, store.guideSources(), store.guide(),
                TestStore.CLOCK, Duration.ofMinutes(1));

        assertThat(scheduler.round()).containsExactly("file");
        assertThat(store.guideSources().get("url").lastImport().error()).isEqualTo("guide source url "
                + "(http://127.0.0.1/guide.xml): cannot fetch the guide: guide source url: http://127.0.0.1/guide.xml "
                + "is a URL; this fetcher reads local files only");
        assertThat(store.guideSources().get("off").lastImport()).isNull();
        assertThat(store.guide().nowNext("news", Guides.at("10:10")).now().title()).isEqualTo("Good 20");
        // Nothing is due again at the same instant (the clock is fixed).
        assertThat(scheduler.round()).isEmpty();

        Files.writeString(file, "<tv><programme channel=\"n\" start=\"20261121000000 +0000\"><title>Broken");
        store.guideSources().create(GuideSourceDraft.of("file2", "File again", file.toString()));
        assertThat(scheduler.round()).isEmpty();
        assertThat(store.guideSources().get("file2").lastImport().error()).startsWith("guide source file2 ("
                + file + "): line 1, column ");
        assertThat(store.guide().nowNext("news", Guides.at("10:10")).now().title()).isEqualTo("Good 20");

        scheduler.start();
        scheduler.close();
        Files.delete(file);
        Files.delete(dir);
    }
}
