package headwater.store.guide;

import static headwater.store.guide.Guides.at;
import static headwater.store.guide.Guides.programme;
import static headwater.store.guide.Guides.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.Programme;
import headwater.domain.epg.XmltvGuide;
import headwater.domain.guide.GuideEntry;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportException;
import headwater.domain.guide.GuideImportReport;
import headwater.domain.guide.GuideSource;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.guide.ProgrammeTimeline;
import headwater.domain.guide.StagedProgramme;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** Imports into the store, their atomicity, and the round trip through export, on SQLite and PostgreSQL. */
class GuideImportTest {

    static final Path SAMPLES = headwater.testkit.Samples.path("xmltv");
    private static final Comparator<Programme> BY_CHANNEL_AND_START = Comparator.comparing(Programme::channelId)
            .thenComparing(Programme::start);

    private static List<Path> samples() throws IOException {
        try (Stream<Path> list = Files.list(SAMPLES)) {
            List<Path> files = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            assertThat(files).hasSize(8);
            return files;
        }
    }

    /** The sample as the guide rules make it: per channel in start order, duplicates replaced, stops settled. */
    private static List<Programme> settled(XmltvGuide guide) {
        Map<String, List<Programme>> byChannel = new LinkedHashMap<>();
        guide.programmes().forEach(p -> byChannel.computeIfAbsent(p.channelId(), k -> new ArrayList<>()).add(p));
        List<Programme> settled = new ArrayList<>();
        byChannel.values().forEach(list -> ProgrammeTimeline.arrange(list, Duration.ofHours(1),
                new ProgrammeTimeline.Tally()).stream().map(StagedProgramme::programme).forEach(settled::add));
        settled.sort(BY_CHANNEL_AND_START);
        return settled;
    }

    private static List<Programme> sorted(List<Programme> programmes) {
        List<Programme> copy = new ArrayList<>(programmes);
        copy.sort(BY_CHANNEL_AND_START);
        return copy;
    }

    @EachDatabase
    void every_sample_imports_with_all_its_channels_and_programmes_and_exports_the_same_content(TestStore store)
            throws Exception {
        GuideImport imports = Guides.imports(store, Guides.WIDE);
        for (Path file : samples()) {
            byte[] bytes = Files.readAllBytes(file);
            XmltvGuide original = Guides.read(bytes);
            store.guideSources().create(GuideSourceDraft.of("sample", file.getFileName().toString(), file.toString()));

            GuideImportReport report = imports.refresh("sample");

            assertThat(report.channels()).as(file.toString()).isEqualTo(original.channels().size());
            assertThat(report.programmesRead()).isEqualTo(original.programmes().size());
            assertThat(report.programmesStored() + report.duplicates()).isEqualTo(original.programmes().size());
            assertThat(report.unmatched()).isEqualTo(original.channels().size());
            assertThat(report.xmltv().skipped()).isZero();

            byte[] exported = Guides.export(store.guide());
            XmltvGuide again = Guides.read(exported);
            assertThat(again.channels()).as(file.toString()).isEqualTo(original.channels());
            assertThat(sorted(again.programmes())).as(file.toString()).isEqualTo(settled(original));

            // Re-importing the export (a new generation of the same source) gives the same export, byte for byte.
            GuideImportReport second = imports.importFrom("sample", Guides.stream(exported));
            assertThat(second.programmesStored()).isEqualTo(report.programmesStored());
            assertThat(second.duplicates()).isZero();
            assertThat(Guides.export(store.guide())).isEqualTo(exported);

            assertThat(store.guideSources().delete("sample")).isTrue();
            store.guide().collectGarbage(Guides.NOW);
            assertThat(Guides.read(Guides.export(store.guide())).programmes()).isEmpty();
        }
        assertThat(count(store, "guide_programme")).isZero();
        assertThat(count(store, "guide_generation")).isZero();
    }

    @EachDatabase
    void the_makrodigital_sample_stores_its_two_exact_duplicates_once(TestStore store) throws Exception {
        store.guideSources().create(GuideSourceDraft.of("makro", "Makro", SAMPLES.resolve(
                "makrodigitaltelevision.com.xml").toString()));
        GuideImportReport report = Guides.imports(store, Guides.WIDE).refresh("makro");
        assertThat(report.programmesRead()).isEqualTo(66);
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.programmesStored()).isEqualTo(64);
        assertThat(count(store, "guide_programme")).isEqualTo(64);
        GuideSource source = store.guideSources().get("makro");
        assertThat(source.lastImport().succeeded()).isTrue();
        assertThat(source.lastImport().programmes()).isEqualTo(64);
        assertThat(source.lastImport().channels()).isEqualTo(1);
    }

    @EachDatabase
    void a_guide_that_breaks_off_midway_leaves_the_previous_guide_and_records_the_error(TestStore store)
            throws Exception {
        store.channels().create(headwater.domain.catalog.ChannelDraft.of("news", 1, "News")
                .withEpgChannelId("news.example"));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/nonexistent"));
        GuideImport imports = Guides.imports(store, Guides.WIDE.withBatchSize(7));
        List<EpgChannel> channels = List.of(EpgChannel.of("news.example", "News"));
        imports.importFrom("epg", Guides.stream(Guides.xml(channels, schedule("news.example", at("00:00"), 48, "Old"))));
        byte[] before = Guides.export(store.guide());
        List<GuideEntry> day = store.guide().range("news", at("00:00"), at("23:59"), 100);
        assertThat(day).hasSize(48);

        byte[] replacement = Guides.xml(channels, schedule("news.example", at("00:00"), 48, "New"));
        byte[] truncated = Arrays.copyOf(replacement, replacement.length * 2 / 3);
        assertThatThrownBy(() -> imports.importFrom("epg", Guides.stream(truncated)))
                .isInstanceOf(GuideImportException.class)
                .hasMessageStartingWith("guide source epg (/nonexistent): line ")
                .hasMessageContaining("XML");
        byte[] corrupt = replacement.clone();
        corrupt[replacement.length / 2] = (byte) 0xC3; // a UTF-8 lead byte followed by ASCII
        assertThatThrownBy(() -> imports.importFrom("epg", Guides.stream(corrupt)))
                .isInstanceOf(GuideImportException.class)
                .hasMessageContaining("UTF-8");

        assertThat(store.guide().range("news", at("00:00"), at("23:59"), 100)).isEqualTo(day);
        assertThat(Guides.export(store.guide())).isEqualTo(before);
        GuideSource source = store.guideSources().get("epg");
        assertThat(source.lastImport().succeeded()).isFalse();
        assertThat(source.lastImport().error()).contains("UTF-8");
        assertThat(source.version()).isEqualTo(1);
        // The failed generations were discarded: one generation, 48 programmes.
        assertThat(count(store, "guide_generation")).isEqualTo(1);
        assertThat(count(store, "guide_programme")).isEqualTo(48);
    }

    @EachDatabase
    void hostile_xml_is_refused_precisely_and_changes_nothing(TestStore store) throws Exception {
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        GuideImport imports = Guides.imports(store, Guides.WIDE);
        imports.importFrom("epg", Guides.stream(Guides.xml(List.of(EpgChannel.of("a", "A")),
                schedule("a", at("00:00"), 4, "Kept"))));
        byte[] before = Guides.export(store.guide());
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE tv [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <tv><channel id="a"><display-name>&xxe;</display-name></channel></tv>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE tv [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <tv><programme channel="a" start="20261121000000 +0000"><title>&lol3;</title></programme></tv>
                """;
        Map<String, String> expected = Map.of(xxe, "line 3, column 40: malformed XML: The entity \"xxe\" was "
                + "referenced, but not declared.", laughs, "line 4, column 70: malformed XML: The entity \"lol3\" was "
                + "referenced, but not declared.");
        for (String hostile : List.of(xxe, laughs)) {
            assertThatThrownBy(() -> imports.importFrom("epg", Guides.stream(hostile.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(GuideImportException.class)
                    .hasMessageStartingWith("guide source epg (/guide.xml): " + expected.get(hostile))
                    .hasMessageContaining("DTD processing is off");
            assertThat(Guides.export(store.guide())).isEqualTo(before);
        }
        assertThat(store.guideSources().get("epg").lastImport().error()).contains("DTD");
        assertThat(count(store, "guide_programme")).isEqualTo(4);
    }

    @EachDatabase
    void readers_during_an_import_see_the_old_or_the_new_guide_whole(TestStore store) throws Exception {
        store.channels().create(headwater.domain.catalog.ChannelDraft.of("news", 1, "News")
                .withEpgChannelId("news.example"));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        GuideImport imports = Guides.imports(store, Guides.WIDE.withBatchSize(10));
        List<EpgChannel> channels = new ArrayList<>();
        channels.add(EpgChannel.of("news.example", "News"));
        for (int i = 0; i < 20; i++) {
            channels.add(EpgChannel.of("other" + i, "Other " + i));
        }
        byte[][] guides = new byte[2][];
        for (int g = 0; g < 2; g++) {
            List<Programme> programmes = new ArrayList<>(schedule("news.example", at("00:00"), 48, "G" + g));
            for (int i = 0; i < 20; i++) {
                programmes.addAll(schedule("other" + i, at("00:00"), 48, "G" + g));
            }
            guides[g] = Guides.xml(channels, programmes);
        }
        imports.importFrom("epg", Guides.stream(guides[0]));
        JdbiGuideStore guide = store.guide();
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                List<GuideEntry> day = guide.range("news", at("00:00"), at("23:59"), 100);
                String prefix = day.isEmpty() ? "" : day.getFirst().title().substring(0, 2);
                boolean whole = day.size() == 48 && day.stream().allMatch(e -> e.title().startsWith(prefix + " "));
                seen.add(whole ? prefix : "TORN " + day.size() + " " + day.stream().map(GuideEntry::title).toList());
                var nowNext = guide.nowNext("news", at("12:10"));
                String now = nowNext.now().title();
                if (!now.equals(nowNext.next().title().substring(0, 2) + " 24")) {
                    seen.add("TORN now/next " + nowNext);
                }
            }
        });
        for (int round = 1; round <= 6; round++) {
            imports.importFrom("epg", Guides.stream(guides[round % 2]));
        }
        done.set(true);
        reader.join();
        assertThat(seen).isNotEmpty().allMatch(s -> s.equals("G0") || s.equals("G1"));
        assertThat(count(store, "guide_generation")).isEqualTo(1);
        assertThat(count(store, "guide_programme")).isEqualTo(21 * 48);
    }

    @EachDatabase
    void an_unfinished_generation_is_invisible_and_collected_when_stale(TestStore store) {
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        var load = store.guide().begin("epg");
        load.channels(List.of(new headwater.domain.guide.GuideChannel(EpgChannel.of("a", "A"), 0, true)));
        load.programmes(List.of(new StagedProgramme(programme("a", "10:00", "11:00", "Never shown"), false)));
        // The process dies here: no commit, no close.
        assertThat(Guides.read(Guides.export(store.guide())).programmes()).isEmpty();
        assertThat(store.guide().collectGarbage(Guides.NOW.minusSeconds(1))).isZero();
        assertThat(store.guide().collectGarbage(Guides.NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(count(store, "guide_programme")).isZero();
        assertThat(count(store, "guide_channel")).isZero();
    }

    static long count(TestStore store, String table) {
        return store.database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }


    @EachDatabase
    void programmes_of_an_undeclared_channel_are_kept_and_a_late_channel_element_counts(TestStore store)
            throws Exception {
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        String xml = """
                <tv>
                  <programme channel="ghost" start="20261121100000 +0000" stop="20261121110000 +0000"><title>Boo</title></programme>
                  <programme channel="late" start="20261121100000 +0000"><title>Early</title></programme>
                  <channel id="late"><display-name>Late</display-name></channel>
                  <channel id="empty"><display-name>Empty</display-name></channel>
                </tv>
                """;
        GuideImportReport report = Guides.imports(store, Guides.WIDE).importFrom("epg",
                Guides.stream(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.channels()).isEqualTo(3);
        assertThat(report.programmesStored()).isEqualTo(2);
        XmltvGuide exported = Guides.read(Guides.export(store.guide()));
        assertThat(exported.channels()).extracting(EpgChannel::id).containsExactly("late", "empty");
        assertThat(exported.programmes()).extracting(Programme::channelId, Programme::stop)
                .containsExactly(org.assertj.core.api.Assertions.tuple("ghost", at("11:00")),
                        org.assertj.core.api.Assertions.tuple("late", at("11:00")));
    }

    @EachDatabase
    void an_older_import_cannot_replace_a_newer_one_nor_survive_its_source(TestStore store) {
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        var outcome = new headwater.domain.guide.GuideImportOutcome(Guides.NOW, null, 0, 0, 0, Duration.ZERO);
        JdbiGuideStore guide = store.guide();
        try (var older = guide.begin("epg"); var newer = guide.begin("epg")) {
            newer.commit(List.of(), outcome);
            assertThatThrownBy(() -> older.commit(List.of(), outcome))
                    .isInstanceOf(headwater.domain.guide.GuideConflictException.class)
                    .hasMessage("guide source epg: a newer import (generation " + newer.generation() + ") was "
                            + "committed while this one (generation " + older.generation() + ") ran; the newer guide "
                            + "stays");
        }
        try (var orphan = guide.begin("epg")) {
            store.guideSources().delete("epg");
            assertThatThrownBy(() -> orphan.commit(List.of(), outcome))
                    .isInstanceOf(headwater.domain.guide.GuideConflictException.class)
                    .hasMessage("guide source epg was deleted during its import; generation " + orphan.generation()
                            + " is discarded");
        }
        assertThatThrownBy(() -> guide.begin("epg")).isInstanceOf(headwater.domain.catalog.NotFoundException.class)
                .hasMessage("guide source epg does not exist");
        guide.collectGarbage(Guides.NOW);
        assertThat(count(store, "guide_generation")).isZero();
    }
}
