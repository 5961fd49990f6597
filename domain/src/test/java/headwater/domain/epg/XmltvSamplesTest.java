package headwater.domain.epg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real guide in /work/shared/samples/xmltv imports with all its channels and programmes (counted here
 * independently, by pattern over the raw text) and exports again to the same values.
 */
class XmltvSamplesTest {
    static final Path SAMPLES = headwater.testkit.Samples.path("xmltv");
    private static final Pattern CHANNEL_TAG = Pattern.compile("<channel[\\s>/]");
    private static final Pattern PROGRAMME_TAG = Pattern.compile("<programme[\\s>/]");

    static Stream<Path> samples() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SAMPLES)) {
            files = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSize(8);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void importsEveryChannelAndProgrammeAndExportsTheSameContent(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        long channelTags = CHANNEL_TAG.matcher(text).results().count();
        long programmeTags = PROGRAMME_TAG.matcher(text).results().count();

        XmltvGuide.Collector collector = new XmltvGuide.Collector();
        XmltvImportReport report = new XmltvReader().read(new ByteArrayInputStream(bytes), collector);
        XmltvGuide guide = collector.guide();

        assertThat(report.skipped()).as("skipped: %s", report.skippedFirst()).isZero();
        assertThat(report.warnings()).as("warnings: %s", report.warningsFirst()).isZero();
        assertThat(report.channels()).isEqualTo(channelTags).isEqualTo(guide.channels().size()).isPositive();
        assertThat(report.programmes()).isEqualTo(programmeTags).isEqualTo(guide.programmes().size()).isPositive();
        assertThat(guide.programmes()).allSatisfy(p -> assertThat(p.titles()).isNotEmpty());

        for (boolean doctype : new boolean[] {false, true}) {
            byte[] exported = export(guide, doctype);
            XmltvGuide again = new XmltvReader().readAll(new ByteArrayInputStream(exported));
            assertThat(again).isEqualTo(guide);
            assertThat(export(again, doctype)).isEqualTo(exported);
            String out = new String(exported, StandardCharsets.UTF_8);
            assertThat(CHANNEL_TAG.matcher(out).results().count()).isEqualTo(channelTags);
            assertThat(PROGRAMME_TAG.matcher(out).results().count()).isEqualTo(programmeTags);
            assertThat(out).contains("<tv generator-info-name=\"Headwater\">");
            assertThat(out.contains(XmltvWriter.DOCTYPE)).isEqualTo(doctype);
        }
    }

    @Test
    void energeek() throws IOException {
        XmltvGuide g = read("energeek.cl.xml");
        assertThat(g.channels()).extracting(EpgChannel::id).contains("EnerGeek Retro", "EnerGeek Radio TV");
        assertThat(g.channels().getFirst().icons()).containsExactly(Icon.of("https://i.imgur.com/PzEK6DI.png"));
        assertThat(g.channels().getFirst().urls()).containsExactly(new ChannelUrl("http://www.compulms.com", null));
        Programme first = g.programmes().getFirst();
        assertThat(first.channelId()).isEqualTo("EnerGeek Retro");
        assertThat(first.titles()).containsExactly(new LocalizedText("Noir", "es"));
        assertThat(first.start()).isEqualTo(Instant.parse("2022-11-29T03:00:00Z")); // 00:00 -0300
        assertThat(first.stop()).isEqualTo(Instant.parse("2022-11-29T03:30:00Z"));
        assertThat(first.descriptions().getFirst().text()).startsWith("Kirika Yuumura es una adolescente japonesa");
    }

    @Test
    void iptvxOneCyrillicWithoutLangAndDescBeforeTitle() throws IOException {
        XmltvGuide g = read("epg.iptvx.one.xml");
        assertThat(g.channels().getFirst().displayNames()).containsExactly(LocalizedText.of("12 канал Омск"),
                LocalizedText.of("12 канал (Омск)"));
        Programme first = g.programmes().getFirst();
        assertThat(first.titles()).containsExactly(LocalizedText.of("д/с Необыкновенные люди"));
        assertThat(first.start()).isEqualTo(Instant.parse("2025-09-21T22:45:00Z")); // 01:45 +0300, previous day
        assertThat(first.descriptions().getFirst().text()).startsWith("В этом документальном цикле");
    }

    @Test
    void tmaCaraibesFourLanguagesRatingsAndLength() throws IOException {
        XmltvGuide g = read("epg.tmacaraibes.com.xml");
        Programme first = g.programmes().getFirst();
        assertThat(first.titles()).extracting(LocalizedText::lang).containsExactly("fr", "en", "es", "pt");
        assertThat(first.descriptions()).contains(new LocalizedText("Toutes les musiques africaines et caribéennes.",
                "fr"));
        assertThat(first.start()).isEqualTo(Instant.parse("2026-05-03T04:00:00Z")); // 00:00 -0400
        assertThat(first.length()).isEqualTo(new ProgrammeLength(180, ProgrammeLength.Unit.MINUTES));
        assertThat(first.length().duration()).isEqualTo(java.time.Duration.between(first.start(), first.stop()));
        assertThat(first.ratings()).extracting(Rating::system, Rating::value)
                .containsExactly(tuple("CSA", "Tout public"), tuple("VCHIP", "TV-G"));
        assertThat(first.categories()).containsExactly(LocalizedText.of("music"));
        assertThat(first.icons()).containsExactly(Icon.of("http://www.tmacaraibes.com/images/global/global-001.jpg"));
    }

    @Test
    void epgshare01ArabicTitleTaggedEnglish() throws IOException {
        XmltvGuide g = read("epgshare01.online.xml");
        assertThat(g.channels().getFirst().icons()).hasSize(2);
        Programme first = g.programmes().getFirst();
        assertThat(first.titles()).containsExactly(new LocalizedText("نشرة الأخبار", "en"));
        assertThat(first.start()).isEqualTo(Instant.parse("2025-02-07T23:00:00Z")); // 00:00 +0100, previous day
    }

    @Test
    void makrodigitalSingleQuotesNoDeclaration() throws IOException {
        XmltvGuide g = read("makrodigitaltelevision.com.xml");
        assertThat(g.channels()).containsExactly(EpgChannel.of("17", "Service 1"));
        Programme first = g.programmes().getFirst();
        assertThat(first.titles()).containsExactly(new LocalizedText("Programación Infantil", "es"));
        assertThat(first.subTitles()).containsExactly(new LocalizedText("Programación Infantil", "es"));
        assertThat(first.start()).isEqualTo(Instant.parse("2025-02-16T13:00:00Z")); // 08:00 -0500
    }

    @Test
    void nzxmltvEpisodeNumbersStarRatingAndProviderTags() throws IOException {
        XmltvGuide g = read("nzxmltv.com.xml");
        EpgChannel channel = g.channels().getFirst();
        assertThat(channel.displayNames()).containsExactly(new LocalizedText("TVNZ 1", "en_NZ"));
        assertThat(channel.extras()).extracting(ExtraElement::name).containsExactly("desc", "lcn");
        assertThat(channel.extras().get(1).text()).isEqualTo("1");
        Programme sunday = g.programmes().getFirst();
        assertThat(sunday.titles()).containsExactly(LocalizedText.of("Sunday"));
        assertThat(sunday.start()).isEqualTo(Instant.parse("2023-11-21T10:30:00Z"));
        assertThat(sunday.date()).isEmpty();
        assertThat(sunday.episodeNumbers()).contains(new EpisodeNumber("xmltv_ns", "2022.36.0"),
                new EpisodeNumber("dd_progid", "10681949"),
                new EpisodeNumber("original-air-date", "2023-11-19 19:30:00")).hasSize(9);
        assertThat(sunday.starRatings()).containsExactly(new Rating("themoviedb.org", "0/10", List.of()));
        assertThat(sunday.previouslyShown()).isEqualTo(PreviouslyShown.YES);
        assertThat(sunday.isNew()).isFalse();
        assertThat(sunday.extras()).extracting(ExtraElement::name)
                .containsExactly("keyword", "country", "video", "audio", "subtitles", "series-desc");
        assertThat(sunday.extras().get(2).children()).extracting(ExtraElement::name, ExtraElement::text)
                .containsExactly(tuple("present", "yes"), tuple("colour", "yes"), tuple("aspect", "16:9"),
                        tuple("quality", "768x576"));
        assertThat(g.programmes().get(1).date()).isEqualTo("2017");
    }

    @Test
    void vantageApostrophesAndNoLang() throws IOException {
        XmltvGuide g = read("vantagetv.ee.xml");
        assertThat(g.channels()).extracting(EpgChannel::id).containsExactly("vmusic", "vdance", "vrock");
        assertThat(g.programmes().getFirst().start()).isEqualTo(Instant.parse("2026-01-26T00:01:00Z"));
        assertThat(g.programmes().get(2).titles()).containsExactly(LocalizedText.of("It's The 80's"));
    }

    @Test
    void x1coCommentsBetweenProgrammes() throws IOException {
        XmltvGuide g = read("x1co.com.br.xml");
        Programme first = g.programmes().getFirst();
        assertThat(first.titles()).containsExactly(new LocalizedText("Bob Esponja", "pt"));
        assertThat(first.subTitles()).containsExactly(new LocalizedText("T5 Ep37", "pt"));
        assertThat(first.categories()).containsExactly(new LocalizedText("Infantil", "pt"));
        assertThat(first.start()).isEqualTo(Instant.parse("2026-05-03T11:42:50Z")); // 08:42:50 -0300
        assertThat(first.stop()).isEqualTo(Instant.parse("2026-05-03T11:52:22Z"));
    }

    static XmltvGuide read(String name) throws IOException {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(name))) {
            return new XmltvReader().readAll(in);
        }
    }

    static byte[] export(XmltvGuide guide, boolean doctype) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmltvWriter.write(guide, out, doctype);
        return out.toByteArray();
    }
}
