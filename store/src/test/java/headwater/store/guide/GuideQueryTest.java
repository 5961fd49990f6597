package headwater.store.guide;

import static headwater.store.guide.Guides.at;
import static headwater.store.guide.Guides.programme;
import static headwater.store.guide.Guides.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.LocalizedText;
import headwater.domain.epg.Programme;
import headwater.domain.epg.ProgrammeLength;
import headwater.domain.guide.ChannelLink;
import headwater.domain.guide.GuideEntry;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportOptions;
import headwater.domain.guide.GuideImportReport;
import headwater.domain.guide.GuideRetention;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.guide.NowNext;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Matching, time shift, merging, timelines and retention as the queries see them, on SQLite and PostgreSQL. */
class GuideQueryTest {

    private static final Instant DAY = at("00:00");
    private static final Instant END = at("23:59");

    private static List<Object> titles(List<GuideEntry> entries) {
        return entries.stream().map(e -> (Object) (e.title() + " " + e.start().toString().substring(11, 16) + "-"
                + e.stop().toString().substring(11, 16))).toList();
    }

    @EachDatabase
    void channels_match_by_epg_id_then_by_name_ignoring_case_and_accents(TestStore store) throws Exception {
        store.channels().createAll(List.of(
                ChannelDraft.of("by-id", 1, "Whatever").withEpgChannelId("news.example"),
                ChannelDraft.of("accents", 2, "Télé  Québec"),
                ChannelDraft.of("case", 3, "bbc one"),
                ChannelDraft.of("id-wins", 4, "Sport").withEpgChannelId("sport.example"),
                ChannelDraft.of("id-missing-name-matches", 5, "Kids").withEpgChannelId("absent.example"),
                ChannelDraft.of("sd", 6, "News SD").withEpgChannelId("news.example"),
                ChannelDraft.of("nothing", 7, "Nothing")));
        List<EpgChannel> channels = List.of(
                EpgChannel.of("news.example", "News"),
                EpgChannel.of("tq", "tele quebec"),
                EpgChannel.of("bbc1", "BBC ONE"),
                EpgChannel.of("sport-by-name", "Sport"),
                EpgChannel.of("sport.example", "Sport Extra"),
                EpgChannel.of("kids", "KIDS"),
                EpgChannel.of("orphan", "Orphan"));
        List<Programme> programmes = new ArrayList<>();
        channels.forEach(c -> programmes.addAll(schedule(c.id(), DAY, 48, c.id())));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));

        GuideImportReport report = Guides.imports(store, Guides.WIDE).importFrom("epg",
                Guides.stream(Guides.xml(channels, programmes)));

        assertThat(report.links()).extracting(ChannelLink::channelId, ChannelLink::xmltvId, ChannelLink::by)
                .containsExactlyInAnyOrder(
                        tuple("by-id", "news.example", ChannelLink.By.ID),
                        tuple("accents", "tq", ChannelLink.By.NAME),
                        tuple("case", "bbc1", ChannelLink.By.NAME),
                        tuple("id-wins", "sport.example", ChannelLink.By.ID),
                        tuple("id-missing-name-matches", "kids", ChannelLink.By.NAME),
                        tuple("sd", "news.example", ChannelLink.By.ID));
        assertThat(report.unmatched()).isEqualTo(2);
        assertThat(report.unmatchedFirst()).containsExactly("sport-by-name", "orphan");
        Map<String, NowNext> nowNext = store.guide().nowNext(List.of("by-id", "accents", "case", "id-wins",
                "id-missing-name-matches", "sd", "nothing", "no-such-channel"), at("10:15"));
        assertThat(nowNext.get("by-id").now().title()).isEqualTo("news.example 20");
        assertThat(nowNext.get("by-id").next().title()).isEqualTo("news.example 21");
        assertThat(nowNext.get("sd").now().title()).isEqualTo("news.example 20");
        assertThat(nowNext.get("accents").now().title()).isEqualTo("tq 20");
        assertThat(nowNext.get("case").now().title()).isEqualTo("bbc1 20");
        assertThat(nowNext.get("id-wins").now().title()).isEqualTo("sport.example 20");
        assertThat(nowNext.get("id-missing-name-matches").now().title()).isEqualTo("kids 20");
        assertThat(nowNext.get("nothing")).isEqualTo(NowNext.NONE);
        assertThat(nowNext.get("no-such-channel")).isEqualTo(NowNext.NONE);

        // A channel added later finds its guide after a relink, without a new import.
        store.channels().create(ChannelDraft.of("late", 8, "orphan"));
        assertThat(store.guide().nowNext("late", at("10:15"))).isEqualTo(NowNext.NONE);
        GuideImport imports = Guides.imports(store, Guides.WIDE);
        assertThat(imports.relink()).isEqualTo(7);
        assertThat(store.guide().nowNext("late", at("10:15")).now().title()).isEqualTo("orphan 20");
    }

    @EachDatabase
    void the_source_time_shift_moves_every_programme(TestStore store) throws Exception {
        store.channels().create(ChannelDraft.of("news", 1, "News"));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml")
                .withTimeShift(Duration.ofMinutes(-90)));
        Guides.imports(store, Guides.WIDE).importFrom("epg", Guides.stream(Guides.xml(
                List.of(EpgChannel.of("n", "News")),
                List.of(programme("n", "10:00", "11:00", "A"), programme("n", "11:00", null, "B")))));

        assertThat(titles(store.guide().range("news", DAY, END, 10))).containsExactly("A 08:30-09:30", "B 09:30-10:30");
        byte[] exported = Guides.export(store.guide());
        assertThat(Guides.read(exported).programmes()).extracting(Programme::start)
                .containsExactly(at("08:30"), at("09:30"));
    }

    @EachDatabase
    void overlaps_are_cut_and_open_ends_closed_also_when_the_guide_is_out_of_order(TestStore store) throws Exception {
        store.channels().createAll(List.of(ChannelDraft.of("ordered", 1, "Ordered"),
                ChannelDraft.of("shuffled", 2, "Shuffled")));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        List<Programme> ordered = List.of(
                programme("o", "06:00", "08:00", "Long"),          // cut at 07:00 by the next start
                programme("o", "07:00", null, "Open"),             // stops at the next start
                programme("o", "07:30", "08:00", "First"),
                programme("o", "07:30", "08:30", "Second"),        // same start: the later one wins
                Programme.builder("o", at("09:00")).title(LocalizedText.of("No stop, 45 min stated"))
                        .length(new ProgrammeLength(45, ProgrammeLength.Unit.MINUTES)).build(), // next start wins
                Programme.builder("o", at("10:00")).title(LocalizedText.of("Last, 45 min stated"))
                        .length(new ProgrammeLength(45, ProgrammeLength.Unit.MINUTES)).build());
        List<Programme> shuffled = new ArrayList<>();
        for (int i : new int[] {3, 0, 5, 2, 4, 1}) {
            shuffled.add(ordered.get(i).retimed("s", ordered.get(i).start(), ordered.get(i).stop()));
        }
        List<Programme> all = new ArrayList<>(ordered);
        all.addAll(shuffled);
        // Batches of 2, so that the out-of-order channel is put in order from the store across several batches.
        GuideImportReport report = Guides.imports(store, Guides.WIDE.withBatchSize(2)).importFrom("epg",
                Guides.stream(Guides.xml(List.of(EpgChannel.of("o", "Ordered"), EpgChannel.of("s", "Shuffled")), all)));

        List<String> expected = List.of("Long 06:00-07:00", "Open 07:00-07:30", "Second 07:30-08:30",
                "No stop, 45 min stated 09:00-10:00", "Last, 45 min stated 10:00-10:45");
        assertThat(titles(store.guide().range("ordered", DAY, END, 10))).isEqualTo(expected);
        // Shuffled, "Second" comes before "First" in the guide: of the two at 07:30, the later one in the guide wins.
        assertThat(titles(store.guide().range("shuffled", DAY, END, 10))).containsExactly("Long 06:00-07:00",
                "Open 07:00-07:30", "First 07:30-08:00", "No stop, 45 min stated 09:00-10:00",
                "Last, 45 min stated 10:00-10:45");
        assertThat(report.programmesRead()).isEqualTo(12);
        assertThat(report.programmesStored()).isEqualTo(10);
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.truncated()).isEqualTo(2);
        assertThat(report.openEnded()).isEqualTo(6);
        // now/next across a gap: at 08:45 nothing is on, 09:00 is next.
        NowNext gap = store.guide().nowNext("shuffled", at("08:45"));
        assertThat(gap.now()).isNull();
        assertThat(gap.next().title()).isEqualTo("No stop, 45 min stated");
        // the range query bounds: a programme that began before the range and runs into it is included
        assertThat(titles(store.guide().range("ordered", at("08:00"), at("09:01"), 10)))
                .containsExactly("Second 07:30-08:30", "No stop, 45 min stated 09:00-10:00");
        assertThat(titles(store.guide().range("ordered", at("06:00"), at("23:00"), 2))).hasSize(2);
    }

    @EachDatabase
    void the_higher_priority_source_wins_where_it_has_a_guide_and_the_other_fills_in(TestStore store)
            throws Exception {
        store.channels().create(ChannelDraft.of("news", 1, "News").withEpgChannelId("news"));
        store.guideSources().create(GuideSourceDraft.of("premium", "Premium", "/p.xml").withPriority(10));
        store.guideSources().create(GuideSourceDraft.of("free", "Free", "/f.xml").withPriority(1));
        GuideImport imports = Guides.imports(store, Guides.WIDE);
        List<EpgChannel> channel = List.of(EpgChannel.of("news", "News"));
        // free: 06:00-12:00 hourly; premium: 08:30-10:00 with a gap 09:00-09:30
        List<Programme> free = new ArrayList<>();
        for (int h = 6; h < 12; h++) {
            free.add(programme("news", "%02d:00".formatted(h), "%02d:00".formatted(h + 1), "F" + h));
        }
        imports.importFrom("free", Guides.stream(Guides.xml(channel, free)));
        assertThat(titles(store.guide().range("news", DAY, END, 20))).containsExactly("F6 06:00-07:00",
                "F7 07:00-08:00", "F8 08:00-09:00", "F9 09:00-10:00", "F10 10:00-11:00", "F11 11:00-12:00");

        imports.importFrom("premium", Guides.stream(Guides.xml(channel, List.of(
                programme("news", "08:30", "09:00", "P1"), programme("news", "09:30", "10:00", "P2")))));

        // F8 is cut where premium's span starts; F9 starts inside it and is dropped (the gap stays a gap).
        List<Object> merged = List.of("F6 06:00-07:00", "F7 07:00-08:00", "F8 08:00-08:30", "P1 08:30-09:00",
                "P2 09:30-10:00", "F10 10:00-11:00", "F11 11:00-12:00");
        assertThat(titles(store.guide().range("news", DAY, END, 20))).isEqualTo(merged);
        assertThat(store.guide().nowNext("news", at("08:10")).now().title()).isEqualTo("F8");
        assertThat(store.guide().nowNext("news", at("08:10")).next().title()).isEqualTo("P1");
        assertThat(store.guide().nowNext("news", at("09:10"))).isEqualTo(new NowNext(null,
                store.guide().range("news", at("09:30"), at("09:31"), 1).getFirst()));
        assertThat(store.guide().nowNext("news", at("09:45")).next().title()).isEqualTo("F10");
        assertThat(Guides.read(Guides.export(store.guide())).programmes())
                .extracting(p -> p.title(null).orElseThrow()).containsExactly("F6", "F7", "F8", "P1", "P2", "F10",
                        "F11");

        // Equal priority: the smaller source id wins. Disabled: not shown.
        store.guideSources().update(1, store.guideSources().get("premium").draft().withPriority(1));
        assertThat(titles(store.guide().range("news", DAY, END, 20))).startsWith("F6 06:00-07:00");
        assertThat(store.guide().nowNext("news", at("08:45")).now().title()).isEqualTo("F8");
        store.guideSources().update(1, store.guideSources().get("free").draft().withEnabled(false));
        assertThat(titles(store.guide().range("news", DAY, END, 20))).containsExactly("P1 08:30-09:00",
                "P2 09:30-10:00");
    }

    @EachDatabase
    void retention_keeps_the_window_at_import_and_purges_as_time_moves_on(TestStore store) throws Exception {
        store.channels().create(ChannelDraft.of("news", 1, "News"));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        GuideImportOptions options = GuideImportOptions.DEFAULTS.withRetention(new GuideRetention(1, 2));
        // Daily programmes from 3 days ago to 4 days ahead of the store's clock (06:00:00.123).
        Instant first = Guides.NOW.minus(Duration.ofDays(3)).minusMillis(123);
        List<Programme> daily = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            Instant start = first.plus(Duration.ofDays(d));
            daily.add(Programme.builder("n", start).stop(start.plus(Duration.ofHours(23)))
                    .title(LocalizedText.of("Day " + d)).build());
        }
        GuideImportReport report = Guides.imports(store, options).importFrom("epg",
                Guides.stream(Guides.xml(List.of(EpgChannel.of("n", "News")), daily)));

        // Kept: ends after now - 1 day (day 2 ends at now - 1 d + 23 h - 0.123 s), starts before now + 2 days (day 5
        // starts at now + 2 d - 0.123 s).
        assertThat(report.outsideRetention()).isEqualTo(4);
        List<GuideEntry> kept = store.guide().range("news", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100);
        assertThat(kept).extracting(GuideEntry::title).containsExactly("Day 2", "Day 3", "Day 4", "Day 5");

        Instant later = Guides.NOW.plus(Duration.ofDays(2));
        long purged = store.guide().purge(options.retention().keepFrom(later), options.retention().keepUntil(later));
        assertThat(purged).isEqualTo(2);
        assertThat(store.guide().range("news", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100))
                .extracting(GuideEntry::title).containsExactly("Day 4", "Day 5");
    }

    @EachDatabase
    void now_next_finds_the_next_programme_beyond_a_long_gap_and_at_the_end_of_the_guide(TestStore store)
            throws Exception {
        store.channels().createAll(List.of(ChannelDraft.of("gap", 1, "Gap"), ChannelDraft.of("long", 2, "Long")));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        Guides.imports(store, Guides.WIDE).importFrom("epg", Guides.stream(Guides.xml(
                List.of(EpgChannel.of("g", "Gap"), EpgChannel.of("l", "Long")),
                List.of(programme("g", "01:00", "02:00", "Before"), programme("g", "12:00", "13:00", "After"),
                        programme("l", "01:00", "09:00", "Eight hours"), programme("l", "09:00", "10:00", "Then")))));

        Map<String, NowNext> at0130 = store.guide().nowNext(List.of("gap", "long"), at("01:30"));
        assertThat(at0130.get("gap").now().title()).isEqualTo("Before");
        assertThat(at0130.get("gap").next().title()).isEqualTo("After");
        assertThat(at0130.get("long").now().title()).isEqualTo("Eight hours");
        assertThat(at0130.get("long").next().title()).isEqualTo("Then");
        NowNext inGap = store.guide().nowNext("gap", at("03:00"));
        assertThat(inGap.now()).isNull();
        assertThat(inGap.next().title()).isEqualTo("After");
        assertThat(store.guide().nowNext("gap", at("12:30"))).extracting(n -> n.now().title(), NowNext::next)
                .containsExactly("After", null);
        assertThat(store.guide().nowNext("gap", at("13:00"))).isEqualTo(NowNext.NONE);
    }
}
