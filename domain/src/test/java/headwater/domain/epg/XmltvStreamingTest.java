package headwater.domain.epg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The generated benchmark guide, small (10 channels × 100 programmes), streamed from a pipe while it is written: the
 * reader hands programmes over one at a time and needs no whole document. The full 1,000 × 1,000 run is
 * {@link XmltvStreamingBenchmark}, by hand.
 */
class XmltvStreamingTest {
    @Test
    void generatedGuideStreamsThroughTheReader() throws Exception {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (out) {
                XmltvGuideGenerator.write(out, 10, 100);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long[] seen = new long[2];
        Programme[] last = new Programme[1];
        XmltvImportReport report = new XmltvReader().read(in, new XmltvListener() {
            @Override
            public void channel(EpgChannel channel) {
                seen[0]++;
            }

            @Override
            public void programme(Programme programme) {
                seen[1]++;
                last[0] = programme;
            }
        });
        writing.get();
        assertThat(seen).containsExactly(10, 1000);
        assertThat(report.channels()).isEqualTo(10);
        assertThat(report.programmes()).isEqualTo(1000);
        assertThat(report.skipped() + report.warnings()).isZero();
        assertThat(last[0]).isEqualTo(XmltvGuideGenerator.programme(9, 99));
        assertThat(last[0].titles().getFirst().text()).isEqualTo("News & Weather 99");
    }

    @Test
    void aGuideWithMoreThanTheJdkDefaultOfPredefinedEntityReferencesReads() throws IOException {
        // JDK 24+ counts &amp; and &lt; of the document against jdk.xml.maxGeneralEntitySizeLimit (100,000).
        StringBuilder doc = new StringBuilder("<tv>\n");
        for (int i = 0; i < 3_000; i++) {
            doc.append("<programme start=\"20250101000000 +0000\" channel=\"a\"><title>")
                    .append("Q&amp;A &lt;live&gt; ".repeat(15)).append("</title></programme>\n");
        }
        doc.append("</tv>");
        XmltvGuide guide = new XmltvReader().readAll(XmltvHostileInputTest.bytes(doc.toString()));
        assertThat(guide.programmes()).hasSize(3_000);
        assertThat(guide.programmes().getLast().titles().getFirst().text()).startsWith("Q&A <live> Q&A");
    }
}
