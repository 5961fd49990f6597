package headwater.domain.epg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmltvWriterTest {
    private static final String MARKUP = "<script>alert('x')</script> & \"quoted\" ]]> &amp; ☃ 𝄞";
    private static final String SQL = "'; DROP TABLE programme; --";

    static Programme everyField() {
        return Programme.builder("news.example", Instant.parse("2025-06-01T18:00:00Z"))
                .stop(Instant.parse("2025-06-01T18:30:00Z"))
                .catchupId("cu-" + SQL)
                .title(new LocalizedText(MARKUP, "en")).title(new LocalizedText("Nachrichten", "de"))
                .subTitle(new LocalizedText(SQL, null))
                .description(new LocalizedText("line one\nline two", "en"))
                .credit(new Credit(Credit.Kind.DIRECTOR, "Ann Director", null, false))
                .credit(new Credit(Credit.Kind.ACTOR, "Bob Actor", "Detective <Smith>", true))
                .credit(new Credit(Credit.Kind.PRESENTER, "Cy Host", null, false))
                .date("20250601")
                .category(new LocalizedText("News", "en")).category(new LocalizedText("Actualités", "fr"))
                .length(new ProgrammeLength(30, ProgrammeLength.Unit.MINUTES))
                .icon(new Icon("https://img.example/a.png?x=1&y=2", 640, 360))
                .episodeNumber(new EpisodeNumber(EpisodeNumber.XMLTV_NS, "4.11.0/1"))
                .episodeNumber(new EpisodeNumber(EpisodeNumber.ONSCREEN, "S5E12"))
                .episodeNumber(new EpisodeNumber("dd_progid", "EP01006886.0028"))
                .previouslyShown(new PreviouslyShown("20240101120000 +0000", "news.example"))
                .premiere(new LocalizedText("Season premiere", "en"))
                .isNew(true)
                .rating(new Rating("VCHIP", "TV-14", List.of(Icon.of("https://img.example/tv14.png"))))
                .rating(new Rating(null, "12", List.of()))
                .starRating(new Rating("imdb", "7.5/10", List.of()))
                .otherAttribute(new XmlAttribute("clumpidx", "0/1"))
                .extra(new ExtraElement("country", List.of(), "NZ", List.of()))
                .extra(new ExtraElement("lcn", List.of(new XmlAttribute("x", MARKUP)), MARKUP, List.of()))
                .extra(new ExtraElement("video", List.of(), "", List.of(
                        new ExtraElement("aspect", List.of(), "16:9", List.of()))))
                .build();
    }

    @Test
    void everyFieldRoundTripsIncludingMarkupAndSql() throws IOException {
        EpgChannel channel = new EpgChannel("news.example",
                List.of(new LocalizedText("News <HD>", "en"), new LocalizedText(SQL, null)),
                List.of(new Icon("https://img.example/logo.png", null, 90)),
                List.of(new ChannelUrl("https://news.example/?a=1&b=2", "home")),
                List.of(new XmlAttribute("data-x", "1")),
                List.of(new ExtraElement("lcn", List.of(), "101", List.of())));
        Programme noStop = Programme.builder("news.example", Instant.parse("2025-06-01T18:30:00Z"))
                .title(LocalizedText.of("Late")).build();
        XmltvGuide guide = new XmltvGuide(List.of(channel), List.of(everyField(), noStop));

        byte[] out = export(guide);
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<tv generator-info-name=\"Headwater\">")
                .contains("start=\"20250601180000 +0000\" stop=\"20250601183000 +0000\"")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quoted\" ]]&gt; &amp;amp; ☃ 𝄞")
                .doesNotContain("<script>");
        assertThat(text.indexOf("<channel")).isLessThan(text.indexOf("<programme"));
        assertThat(text.indexOf("<title")).isLessThan(text.indexOf("<credits"));
        assertThat(text.indexOf("<episode-num")).isLessThan(text.indexOf("<rating"));

        XmltvImportReport report = new XmltvReader().read(new ByteArrayInputStream(out), new XmltvGuide.Collector());
        assertThat(report.skipped() + report.warnings()).isZero();
        assertThat(new XmltvReader().readAll(new ByteArrayInputStream(out))).isEqualTo(guide);
    }

    @Test
    void charactersXmlCannotCarryAreLeftOut() throws IOException {
        Programme p = Programme.builder("a", Instant.parse("2025-06-01T18:00:00Z"))
                .title(LocalizedText.of("bell\u0007 nul\u0000 lone\ud800 ok")).build();
        XmltvGuide back = new XmltvReader().readAll(new ByteArrayInputStream(
                export(new XmltvGuide(List.of(), List.of(p)))));
        assertThat(back.programmes().getFirst().titles()).containsExactly(LocalizedText.of("bell nul lone ok"));
    }

    @Test
    void whitespaceAParserWouldNormaliseIsNormalisedOnBothSides() throws IOException {
        String doc = "<tv><channel id=\"a&#10;b&#9;c&#13;d\"><display-name>x&#13;y\tz</display-name></channel></tv>";
        XmltvGuide read = new XmltvReader().readAll(XmltvHostileInputTest.bytes(doc));
        assertThat(read.channels().getFirst().id()).isEqualTo("a b c d");
        assertThat(read.channels().getFirst().displayNames()).containsExactly(LocalizedText.of("x\ny\tz"));
        assertThat(new XmltvReader().readAll(new ByteArrayInputStream(export(read)))).isEqualTo(read);
    }

    @Test
    void creditsAndExtrasAreKeptInDtdOrder() {
        Programme p = Programme.builder("a", Instant.EPOCH)
                .credit(new Credit(Credit.Kind.ACTOR, "B", null, false))
                .credit(new Credit(Credit.Kind.DIRECTOR, "A", null, false))
                .extra(new ExtraElement("subtitles", List.of(), "", List.of()))
                .extra(new ExtraElement("country", List.of(), "NZ", List.of()))
                .build();
        assertThat(p.credits()).extracting(Credit::name).containsExactly("A", "B");
        assertThat(p.extras()).extracting(ExtraElement::name).containsExactly("country", "subtitles");
    }

    @Test
    void channelsComeBeforeProgrammes() throws IOException {
        try (XmltvWriter w = XmltvWriter.open(new ByteArrayOutputStream(), false)) {
            w.programme(everyField());
            assertThatThrownBy(() -> w.channel(EpgChannel.of("late", "Late")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("channel late after the first");
        }
    }

    @Test
    void doctypeLineIsOptional() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmltvWriter.write(new XmltvGuide(List.of(EpgChannel.of("a", "A")), List.of()), out, true);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n<tv ");
        assertThat(new XmltvReader().readAll(new ByteArrayInputStream(out.toByteArray())).channels())
                .containsExactly(EpgChannel.of("a", "A"));
    }

    private static byte[] export(XmltvGuide guide) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmltvWriter.write(guide, out, false);
        return out.toByteArray();
    }
}
