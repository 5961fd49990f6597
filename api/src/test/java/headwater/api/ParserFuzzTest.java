package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the parsers of outside input: Authorization, If-Match, Content-Type and request bodies. Without
 * {@code JAZZER_FUZZ=1} they replay their seed corpus (resources next to this class) as regression tests.
 */
class ParserFuzzTest {

    @FuzzTest
    void authorization(FuzzedDataProvider data) {
        String header = data.consumeRemainingAsString();
        BearerCredential credential = BearerCredential.parse(header);
        assertThat(credential.token() == null).isNotEqualTo(credential.refusal() == null);
        if (credential.token() != null) {
            assertThat(credential.token()).matches("[A-Za-z0-9._~+/-]+=*").hasSizeLessThanOrEqualTo(512);
        } else {
            // A refusal is one of a few fixed sentences: it never quotes what the client sent, bar a known scheme.
            assertThat(credential.refusal()).matches("no Authorization header"
                    + "|Authorization scheme [A-Za-z0-9-]{3,16} is not Bearer"
                    + "|Authorization is not a Bearer credential"
                    + "|Authorization: Bearer without a token"
                    + "|Authorization: Bearer token of \\d+ characters \\(at most 512\\)"
                    + "|Authorization: Bearer token with characters outside the token68 syntax");
        }
    }

    @FuzzTest
    void ifMatch(FuzzedDataProvider data) {
        String header = data.consumeRemainingAsString();
        try {
            IfMatch ifMatch = IfMatch.parse(header);
            if (ifMatch != null && !ifMatch.any()) {
                assertThat(ifMatch.tags()).allSatisfy(tag -> assertThat(tag).doesNotContain("\"", " "));
            }
        } catch (ApiException e) {
            assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("If-Match");
        }
    }

    @FuzzTest
    void contentType(FuzzedDataProvider data) {
        String header = data.consumeRemainingAsString();
        if (JsonContentType.acceptable(header)) {
            assertThat(header.strip().toLowerCase()).startsWith("application/json");
        }
    }

    @FuzzTest
    void channelBody(FuzzedDataProvider data) {
        byte[] body = data.consumeRemainingAsBytes();
        try {
            ChannelBody channel = Json.read(body, ChannelBody.class, "channel");
            channel.draft(null);
        } catch (ApiException e) {
            assertThat(e.type()).isIn(ProblemType.MALFORMED_JSON, ProblemType.UNKNOWN_FIELD, ProblemType.VALIDATION_FAILED);
            assertThat(e.getMessage()).isNotBlank();
        } catch (headwater.domain.catalog.InvalidValueException e) {
            assertThat(e.field()).isNotBlank();
        }
    }
}
