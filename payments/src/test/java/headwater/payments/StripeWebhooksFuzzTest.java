package headwater.payments;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class StripeWebhooksFuzzTest {

    private static final StripeWebhooks WEBHOOKS = new StripeWebhooks(new StripeSettings("sk_test_x",
            List.of("whsec_fuzz"), URI.create("http://127.0.0.1:9"), StripeSettings.DEFAULT_TOLERANCE,
            URI.create("https://tv.example/ok"), URI.create("https://tv.example/no")),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

    /** Any body and header: verified or refused with WebhookRefusedException, nothing else escapes. */
    @FuzzTest
    void any_request_is_verified_or_refused(byte[] input) {
        int split = input.length == 0 ? 0 : Math.floorMod(input[0], input.length);
        String header = new String(input, 0, split, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] body = java.util.Arrays.copyOfRange(input, split, input.length);
        try {
            WEBHOOKS.verify(body, header);
        } catch (WebhookRefusedException expected) {
            // refused is a correct answer
        }
    }
}
