package headwater.payments;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach Stripe and check its webhooks.
 *
 * @param secretKey      the API secret key ({@code sk_live_...} or {@code sk_test_...})
 * @param webhookSecrets the endpoint's signing secrets ({@code whsec_...}); more than one while a secret is rotated
 * @param apiBase        Stripe's API ({@code https://api.stripe.com}); tests point it at a local server
 * @param tolerance      how far a webhook's timestamp may be from now, either way (Stripe's default: 5 minutes)
 * @param successUrl     where Checkout sends the subscriber after paying
 * @param cancelUrl      where Checkout sends the subscriber who gives up
 */
public record StripeSettings(String secretKey, List<String> webhookSecrets, URI apiBase, Duration tolerance,
                             URI successUrl, URI cancelUrl) {

    public static final URI STRIPE_API = URI.create("https://api.stripe.com");
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    public StripeSettings {
        Objects.requireNonNull(secretKey, "secretKey");
        webhookSecrets = List.copyOf(webhookSecrets);
        if (webhookSecrets.isEmpty()) {
            throw new IllegalArgumentException("stripe webhook secrets are empty: at least one whsec_ secret is needed");
        }
        Objects.requireNonNull(apiBase, "apiBase");
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()
                || tolerance.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("stripe webhook tolerance is " + tolerance
                    + ": must be more than 0 and at most 1 hour");
        }
        Objects.requireNonNull(successUrl, "successUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
    }

    /** The keys are secrets: never in a log line. */
    @Override
    public String toString() {
        return "StripeSettings[apiBase=" + apiBase + ", secretKey=***, webhookSecrets=" + webhookSecrets.size()
                + " x ***, tolerance=" + tolerance + "]";
    }
}
