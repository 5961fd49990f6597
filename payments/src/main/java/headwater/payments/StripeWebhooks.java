package headwater.payments;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Stripe webhooks the way Stripe signs them: {@code Stripe-Signature: t=<unix time>,v1=<hex>[,v1=...]}, where
 * each {@code v1} is HMAC-SHA256 of {@code "<t>.<raw body>"} under an endpoint secret. The raw body is verified as
 * received, before any parsing, so that a re-serialised body fails. Every configured secret is tried (rotation), each
 * comparison in constant time (stripe-java's). The timestamp must be within the tolerance of now in both directions:
 * stripe-java refuses old ones, and this refuses ones from the future too, which no honest sender produces.
 */
public final class StripeWebhooks {

    /** Larger bodies are refused before the HMAC: Stripe's events are a few kilobytes. */
    public static final int MAX_BODY = 256 * 1024;
    private static final Pattern TIMESTAMP = Pattern.compile("(?:^|,)\\s*t=(\\d{1,12})(?:,|$)");

    private final StripeSettings settings;
    private final Clock clock;

    public StripeWebhooks(StripeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param body      the request body exactly as received
     * @param signature the {@code Stripe-Signature} header, or null
     * @throws WebhookRefusedException the signature is missing or wrong, the timestamp outside the tolerance, or the
     *                                 body is not an event
     */
    public GatewayEvent verify(byte[] body, String signature) throws WebhookRefusedException {
        if (signature == null || signature.isBlank()) {
            throw new WebhookRefusedException("no Stripe-Signature header");
        }
        if (body.length > MAX_BODY) {
            throw new WebhookRefusedException("body of " + body.length + " bytes is over " + MAX_BODY);
        }
        String payload = utf8(body);
        Matcher t = TIMESTAMP.matcher(signature);
        if (!t.find()) {
            throw new WebhookRefusedException("Stripe-Signature has no timestamp t=");
        }
        long tolerance = settings.tolerance().toSeconds();
        long skew = Long.parseLong(t.group(1)) - clock.instant().getEpochSecond();
        if (skew > tolerance) {
            throw new WebhookRefusedException("timestamp is " + skew + " s in the future: tolerance is " + tolerance
                    + " s");
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (String secret : settings.webhookSecrets()) {
            try {
                Webhook.Signature.verifyHeader(payload, signature, secret, tolerance, clock);
                return event(payload);
            } catch (SignatureVerificationException e) {
                reasons.add(e.getMessage());
            }
        }
        throw new WebhookRefusedException("signature does not verify under any of " + settings.webhookSecrets().size()
                + " secrets: " + String.join("; ", reasons));
    }

    private static String utf8(byte[] body) throws WebhookRefusedException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new WebhookRefusedException("body is not UTF-8");
        }
    }

    private static GatewayEvent event(String payload) throws WebhookRefusedException {
        try {
            JsonObject json = JsonParser.parseString(payload).getAsJsonObject();
            String id = text(json, "id");
            String type = text(json, "type");
            if (id == null || !id.startsWith("evt_") || type == null || !json.has("created")) {
                throw new WebhookRefusedException("signed body is not a Stripe event: id, type or created missing");
            }
            String objectId = null;
            if (json.has("data") && json.get("data").isJsonObject()) {
                JsonObject data = json.getAsJsonObject("data");
                if (data.has("object") && data.get("object").isJsonObject()) {
                    objectId = text(data.getAsJsonObject("object"), "id");
                }
            }
            return new GatewayEvent(id, type, objectId, Instant.ofEpochSecond(json.get("created").getAsLong()));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new WebhookRefusedException("signed body is not a JSON event: " + e.getClass().getSimpleName());
        }
    }

    private static String text(JsonObject json, String key) {
        return json.has(key) && json.get(key).isJsonPrimitive() ? json.get(key).getAsString() : null;
    }
}
