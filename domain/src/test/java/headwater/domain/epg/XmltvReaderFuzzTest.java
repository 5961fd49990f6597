package headwater.domain.epg;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Any bytes either read as a guide or fail with {@link XmltvParseException}; nothing else escapes (no other
 * exception, no hang on an entity, no fetch), and what reads writes back to the same guide.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this runs the seed corpus in {@code XmltvReaderFuzzTestInputs/read}: slices of the
 * eight sample guides (whole and cut), a gzip slice, XXE, entity expansion, bad programmes, invalid UTF-8. A longer
 * run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl domain -am test -Dtest=XmltvReaderFuzzTest -Djazzer.max_duration=10m}.
 */
class XmltvReaderFuzzTest {
    private static final XmltvReader READER = new XmltvReader(XmltvReaderOptions.DEFAULTS.withMaxBytes(1 << 20)
            .withMaxTextLength(4096));

    @FuzzTest
    void read(byte[] input) {
        XmltvImportReport report;
        XmltvGuide.Collector collector = new XmltvGuide.Collector();
        try {
            report = READER.read(new ByteArrayInputStream(input), collector);
        } catch (XmltvParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        } catch (IOException e) {
            throw new AssertionError("only XmltvParseException may escape the reader", e);
        }
        XmltvGuide guide = collector.guide();
        assertThat(report.channels()).isEqualTo(guide.channels().size());
        assertThat(report.programmes()).isEqualTo(guide.programmes().size());
        assertThat(report.skippedFirst().size()).isLessThanOrEqualTo((int) Math.min(report.skipped(), 100));
        // What was read, written and read again is the same guide.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XmltvWriter.write(guide, out, true);
            assertThat(READER.readAll(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(guide);
        } catch (IOException e) {
            throw new AssertionError("an export of a guide read does not read back: " + e.getMessage(), e);
        }
    }
}
