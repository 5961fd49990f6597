package headwater.store.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.Programme;
import headwater.domain.epg.XmltvGuide;
import headwater.domain.epg.XmltvParseException;
import headwater.domain.epg.XmltvReader;
import headwater.domain.epg.XmltvReaderOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Whatever the XMLTV reader makes of any bytes is stored by {@link GuideCodec} and read back to equal values: what an
 * import stores is what the guide said, whatever its text (markup, SQL, control characters, any script).
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seeds in {@code GuideCodecFuzzTestInputs/roundTrip}. A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl store -am test -Dtest=GuideCodecFuzzTest -Djazzer.max_duration=10m}.
 */
class GuideCodecFuzzTest {

    private static final XmltvReader READER = new XmltvReader(XmltvReaderOptions.DEFAULTS.withMaxBytes(1 << 20)
            .withMaxTextLength(4096));

    @FuzzTest
    void roundTrip(byte[] input) throws IOException {
        XmltvGuide guide;
        try {
            guide = READER.readAll(new ByteArrayInputStream(input));
        } catch (XmltvParseException refused) {
            return;
        }
        GuideCodec codec = new GuideCodec();
        for (EpgChannel c : guide.channels()) {
            assertThat(GuideCodec.channel(c.id(), codec.channel(c))).isEqualTo(c);
        }
        for (Programme p : guide.programmes()) {
            assertThat(GuideCodec.programme(p.channelId(), p.start(), p.stop(), codec.programme(p))).isEqualTo(p);
        }
    }
}
