package headwater.domain.m3u;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes either parse or fail with {@link M3uFormatException}; nothing else escapes. Whatever parses is written
 * and read back to equal values, without a warning or a skipped entry, and writes the same text again.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code M3uParserFuzzTestInputs/parseWriteParse}
 * (the head of the Free-TV sample, and the awkward and hostile cases of the unit tests). A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl domain -am test -Dtest=M3uParserFuzzTest -Djazzer.max_duration=10m}.
 */
class M3uParserFuzzTest {

    private static final M3uParser PARSER = new M3uParser(new ParseOptions(8192, 20));
    private static final M3uParser REREAD = new M3uParser(new ParseOptions(1 << 20, 20));

    @FuzzTest
    void parseWriteParse(byte[] input) throws IOException {
        ParsedPlaylist first;
        try {
            first = PARSER.read(new ByteArrayInputStream(input));
        } catch (M3uFormatException refused) {
            assertThat(refused.getMessage()).startsWith("line " + refused.line() + " ");
            return;
        }
        assertThat(first.report().entries()).isEqualTo(first.playlist().entries().size());
        assertThat(first.report().warnings().size()).isLessThanOrEqualTo(20);

        String written = M3uWriter.toText(first.playlist());
        ParsedPlaylist second;
        try {
            second = REREAD.read(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));
        } catch (M3uFormatException e) {
            throw new AssertionError("written playlist does not parse: " + e.getMessage() + "\n" + written, e);
        }
        assertThat(second.playlist()).as(written).isEqualTo(first.playlist());
        assertThat(second.report().warnings()).as(written).isEmpty();
        assertThat(second.report().skipped()).as(written).isEmpty();
        assertThat(written.lines().filter(line -> !line.startsWith("#")).count())
                .isEqualTo(first.playlist().entries().size());
        assertThat(M3uWriter.toText(second.playlist())).isEqualTo(written);
    }
}
