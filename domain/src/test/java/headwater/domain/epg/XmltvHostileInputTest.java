package headwater.domain.epg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XXE, entity expansion, DTD fetching, oversized values, invalid UTF-8, truncation: each refused precisely. */
class XmltvHostileInputTest {
    @TempDir
    Path dir;

    @Test
    void xxeFileEntityIsRefusedAndNothingIsRead() throws IOException {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0:SECRET-MARKER");
        String doc = """
                <?xml version="1.0"?>
                <!DOCTYPE tv [<!ENTITY xxe SYSTEM "%s">]>
                <tv>
                  <channel id="a"><display-name>&xxe;</display-name></channel>
                </tv>
                """.formatted(secret.toUri());
        XmltvGuide.Collector collector = new XmltvGuide.Collector();
        assertThatThrownBy(() -> new XmltvReader().read(bytes(doc), collector))
                .isInstanceOf(XmltvParseException.class)
                .hasMessageStartingWith("line 4, column ")
                .hasMessageContaining("The entity \"xxe\" was referenced, but not declared")
                .hasMessageContaining("no external entity or DTD is ever read")
                .hasMessageNotContaining("SECRET-MARKER");
        assertThat(collector.guide().channels()).isEmpty();
    }

    @Test
    void xxeOfEtcPasswdInAnAttributeIsRefused() {
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE tv [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<tv><channel id=\"&xxe;\"><display-name>a</display-name></channel></tv>";
        assertThatThrownBy(() -> new XmltvReader().readAll(bytes(doc))).isInstanceOf(XmltvParseException.class)
                .hasMessageContaining("line 3").hasMessageContaining("\"xxe\" was referenced, but not declared")
                .hasMessageNotContaining("root:");
    }

    @Test
    void billionLaughsIsRefusedAtTheFirstReference() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE tv [\n <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append(" <!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        String doc = "<?xml version=\"1.0\"?>\n" + dtd + "]>\n<tv><channel id=\"a\"><display-name>&lol9;"
                + "</display-name></channel></tv>";
        assertThatThrownBy(() -> new XmltvReader().readAll(bytes(doc))).isInstanceOf(XmltvParseException.class)
                .hasMessageContaining("line 14").hasMessageContaining("\"lol9\" was referenced, but not declared");
    }

    @Test
    void externalDtdAndParameterEntitiesAreNeverFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String base = "http://127.0.0.1:" + server.getLocalPort();
            String doc = """
                    <?xml version="1.0"?>
                    <!DOCTYPE tv SYSTEM "%s/xmltv.dtd" [
                      <!ENTITY %% remote SYSTEM "%s/remote.dtd">
                      %%remote;
                    ]>
                    <tv><channel id="a"><display-name>A</display-name></channel></tv>
                    """.formatted(base, base);
            XmltvGuide guide = new XmltvReader().readAll(bytes(doc));
            assertThat(guide.channels()).containsExactly(EpgChannel.of("a", "A"));
            server.setSoTimeout(300);
            assertThatThrownBy(server::accept).as("the reader connected to fetch a DTD")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void tenMegabyteAttributeAndTextSkipTheirProgrammeOnly() throws IOException {
        String huge = "x".repeat(10 * 1024 * 1024);
        String doc = "<tv>\n<channel id=\"a\"><display-name>A</display-name></channel>\n"
                + "<programme start=\"20250101000000 +0000\" channel=\"a\" catchup-id=\"" + huge + "\"><title>1</title>"
                + "</programme>\n"
                + "<programme start=\"20250101010000 +0000\" channel=\"a\"><title>2</title><desc>" + huge + "</desc>"
                + "</programme>\n"
                + "<programme start=\"20250101020000 +0000\" channel=\"a\"><title>3</title></programme>\n</tv>";
        XmltvGuide.Collector collector = new XmltvGuide.Collector();
        XmltvImportReport report = new XmltvReader().read(bytes(doc), collector);
        assertThat(report.programmes()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(report.skippedFirst()).containsExactly(
                new ImportProblem(3, "programme", "attribute catchup-id of <programme> is 10485760 characters, over"
                        + " the limit of 65536"),
                new ImportProblem(4, "programme", "text of <desc> is over the limit of 65536 characters"));
        assertThat(collector.guide().programmes()).extracting(p -> p.title("en").orElseThrow()).containsExactly("3");
    }

    @Test
    void invalidUtf8IsRefusedWithItsByteOffsetLineAndColumn() {
        byte[] head = "<tv>\n<channel id=\"a\"><display-name>caf".getBytes(StandardCharsets.UTF_8);
        byte[] doc = concat(head, new byte[] {(byte) 0xc3, 0x28}, "</display-name></channel></tv>".getBytes());
        XmltvGuide.Collector collector = new XmltvGuide.Collector();
        assertThatThrownBy(() -> new XmltvReader().read(new ByteArrayInputStream(doc), collector))
                .isInstanceOf(XmltvParseException.class)
                .hasMessage("invalid UTF-8 at byte " + head.length + " (line 2, column 34): c3 is not a UTF-8 sequence");
        assertThat(collector.guide().channels()).isEmpty();
    }

    @Test
    void overlongSurrogateAndCutSequencesAreInvalidUtf8() {
        byte[][] bad = {{(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xff}};
        for (byte[] sequence : bad) {
            byte[] doc = concat("<tv><channel id=\"".getBytes(), sequence, "\"/></tv>".getBytes());
            assertThatThrownBy(() -> new XmltvReader().readAll(new ByteArrayInputStream(doc)))
                    .isInstanceOf(XmltvParseException.class).hasMessageStartingWith("invalid UTF-8 at byte 17 (line 1,"
                            + " column 18)");
        }
        byte[] afterBom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "<tv a=\"".getBytes(),
                new byte[] {(byte) 0xff}, "\"/>".getBytes());
        assertThatThrownBy(() -> new XmltvReader().readAll(new ByteArrayInputStream(afterBom)))
                .isInstanceOf(XmltvParseException.class).hasMessageStartingWith("invalid UTF-8 at byte 10 (line 1,"
                        + " column 8)");
        byte[] cut = concat("<tv></tv>\n<!-- ".getBytes(), new byte[] {(byte) 0xe2, (byte) 0x82});
        assertThatThrownBy(() -> new XmltvReader().readAll(new ByteArrayInputStream(cut)))
                .isInstanceOf(XmltvParseException.class).hasMessageStartingWith("invalid UTF-8 at byte 15 (line 2,");
    }

    @Test
    void truncatedGuideIsAnErrorAndReadAllReturnsNothing() throws IOException {
        byte[] sample = Files.readAllBytes(XmltvSamplesTest.SAMPLES.resolve("vantagetv.ee.xml"));
        byte[] half = Arrays.copyOf(sample, sample.length / 2);
        XmltvGuide.Collector collector = new XmltvGuide.Collector();
        assertThatThrownBy(() -> new XmltvReader().read(new ByteArrayInputStream(half), collector))
                .isInstanceOf(XmltvParseException.class)
                .hasMessageContaining("XML document structures must start and end within the same entity")
                .satisfies(e -> assertThat(((XmltvParseException) e).line()).isPositive());
        // The streamed part came out; the caller learns from the exception that the import failed as a whole.
        assertThat(collector.guide().programmes()).isNotEmpty();

        byte[] gz = gzip(sample);
        byte[] gzHalf = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> new XmltvReader().readAll(new ByteArrayInputStream(gzHalf)))
                .isInstanceOf(XmltvParseException.class)
                .hasMessageContaining("gzip stream is corrupt or truncated: Unexpected end of ZLIB input stream");
    }

    @Test
    void gzipGuideReadsLikeThePlainOne() throws IOException {
        byte[] sample = Files.readAllBytes(XmltvSamplesTest.SAMPLES.resolve("epg.tmacaraibes.com.xml"));
        assertThat(new XmltvReader().readAll(new ByteArrayInputStream(gzip(sample))))
                .isEqualTo(new XmltvReader().readAll(new ByteArrayInputStream(sample)));
    }

    @Test
    void byteLimitStopsAGuideAndAGzipBomb() throws IOException {
        byte[] sample = Files.readAllBytes(XmltvSamplesTest.SAMPLES.resolve("epg.iptvx.one.xml"));
        XmltvReader limited = new XmltvReader(XmltvReaderOptions.DEFAULTS.withMaxBytes(10_000));
        assertThatThrownBy(() -> limited.readAll(new ByteArrayInputStream(sample)))
                .isInstanceOf(XmltvParseException.class)
                .hasMessageContaining("guide is larger than the limit of 10000 bytes");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            gz.write("<tv>".getBytes());
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                gz.write(spaces);
            }
        }
        assertThat(bomb.size()).isLessThan(100_000);
        XmltvReader oneMegabyte = new XmltvReader(XmltvReaderOptions.DEFAULTS.withMaxBytes(1 << 20));
        assertThatThrownBy(() -> oneMegabyte.readAll(new ByteArrayInputStream(bomb.toByteArray())))
                .isInstanceOf(XmltvParseException.class)
                .hasMessageContaining("guide is larger than the limit of 1048576 bytes");
    }

    @Test
    void malformedXmlNamesLineColumnAndProblem() {
        assertThatThrownBy(() -> new XmltvReader().readAll(bytes("<tv>\n<channel id=\"a\">\n</programme></tv>")))
                .isInstanceOf(XmltvParseException.class)
                .hasMessageStartingWith("line 3, column ")
                .hasMessageContaining("must be terminated by the matching end-tag \"</channel>\"")
                .satisfies(e -> assertThat(((XmltvParseException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> new XmltvReader().readAll(bytes("")))
                .isInstanceOf(XmltvParseException.class).hasMessageContaining("malformed XML");
        assertThatThrownBy(() -> new XmltvReader().readAll(bytes("#EXTM3U\n#EXTINF:-1,News\n")))
                .isInstanceOf(XmltvParseException.class).hasMessageContaining("line 1, column 1");
        assertThatThrownBy(() -> new XmltvReader().readAll(bytes("<html><body/></html>")))
                .isInstanceOf(XmltvParseException.class)
                .hasMessage("line 1, column 7: the root element is <html>, expected <tv>");
        assertThatThrownBy(() -> new XmltvReader().readAll(bytes("<tv></tv><tv></tv>")))
                .isInstanceOf(XmltvParseException.class).hasMessageContaining("line 1, column 11");
    }

    @Test
    void badProgrammesAreSkippedAndCountedWithTheirLine() throws IOException {
        String doc = """
                <tv>
                  <channel><display-name>no id</display-name></channel>
                  <channel id="a"><display-name>A</display-name></channel>
                  <programme start="20250101000000 +0000"><title>no channel</title></programme>
                  <programme channel="a"><title>no start</title></programme>
                  <programme start="2025-01-01 00:00" channel="a"><title>iso start</title></programme>
                  <programme start="20250101000000 +0000" stop="20250101000000 BST" channel="a"><title>x</title></programme>
                  <programme start="20250101010000 +0000" stop="20250101000000 +0000" channel="a"><title>x</title></programme>
                  <programme start="20250101000000 +0000" channel="a"><title>kept</title><length units="weeks">2</length></programme>
                  <something-else/>
                </tv>
                """;
        XmltvGuide.Collector collector = new XmltvGuide.Collector();
        XmltvImportReport report = new XmltvReader().read(bytes(doc), collector);
        assertThat(report.channels()).isEqualTo(1);
        assertThat(report.programmes()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(6);
        assertThat(report.skippedFirst()).extracting(ImportProblem::toString).containsExactly(
                "line 2: <channel> has no id attribute",
                "line 4: <programme> has no channel attribute",
                "line 5: <programme> of channel 'a' has no start attribute",
                "line 6: <programme> of channel 'a' has a bad start: time '2025-01-01 00:00' has offset '-01-01 00:00',"
                        + " expected ±hhmm",
                "line 7: <programme> of channel 'a' has a bad stop: time '20250101000000 BST' has zone 'BST': only"
                        + " numeric offsets (+hhmm), Z, UTC and GMT are understood",
                "line 8: <programme> of channel 'a' stops at 2025-01-01T00:00:00Z, before its start"
                        + " 2025-01-01T01:00:00Z");
        assertThat(report.warnings()).isEqualTo(2);
        assertThat(report.warningsFirst()).extracting(ImportProblem::line).containsExactly(9L, 10L);
        Programme kept = collector.guide().programmes().getFirst();
        assertThat(kept.length()).isNull();
        assertThat(kept.extras()).extracting(ExtraElement::name, ExtraElement::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("length", "2"));
    }

    @Test
    void reportListsTheFirstProblemsAndCountsAll() throws IOException {
        StringBuilder doc = new StringBuilder("<tv>\n");
        for (int i = 0; i < 250; i++) {
            doc.append("<programme start=\"bad\" channel=\"a\"/>\n");
        }
        doc.append("</tv>");
        XmltvImportReport report = new XmltvReader().read(bytes(doc.toString()), new XmltvGuide.Collector());
        assertThat(report.skipped()).isEqualTo(250);
        assertThat(report.skippedFirst()).hasSize(100);
        assertThat(report.skippedFirst().getLast().line()).isEqualTo(101);
    }

    @Test
    void aNulInTheDoctypeIsAParseErrorNotTheJdksMissingResourceException() {
        // Found by XmltvReaderFuzzTest: the JDK's DTD skipper fails with MissingResourceException "InvalidCharInDTD".
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE tv [<!ENTITY xxe SYSTEM \"file\u0000:///etc/passwd\">]>\n<tv/>";
        assertThatThrownBy(() -> new XmltvReader().readAll(bytes(doc))).isInstanceOf(XmltvParseException.class)
                .hasMessageStartingWith("line 2, column ")
                .hasMessageContaining("malformed XML the JDK's parser could not describe");
    }

    @Test
    void aListenersOwnFailureIsNotDisguisedAsAParseError() {
        XmltvListener failing = new XmltvListener() {
            @Override
            public void channel(EpgChannel channel) {
                throw new IllegalStateException("store is closed");
            }

            @Override
            public void programme(Programme programme) {
            }
        };
        assertThatThrownBy(() -> new XmltvReader().read(bytes("<tv><channel id=\"a\"/></tv>"), failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("store is closed");
    }

    @Test
    void declaredLatin1AndUtf8BomAreDecoded() throws IOException {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><tv><channel id=\"c\"><display-name>Caf\u00e9"
                + "</display-name></channel></tv>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new XmltvReader().readAll(new ByteArrayInputStream(latin1)).channels())
                .containsExactly(EpgChannel.of("c", "Café"));
        byte[] bom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                "<tv><channel id=\"c\"><display-name>Café</display-name></channel></tv>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(new XmltvReader().readAll(new ByteArrayInputStream(bom)).channels())
                .containsExactly(EpgChannel.of("c", "Café"));
    }

    static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
