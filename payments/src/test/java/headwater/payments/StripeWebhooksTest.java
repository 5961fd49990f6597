package headwater.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.subscriber.Money;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeWebhooksTest {

    private static final String OLD = "whsec_old_secret_0123456789";
    private static final String NEW = "whsec_new_secret_9876543210";
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private FakeStripe stripe;
    private StripeWebhooks webhooks;
    private String body;

    @BeforeEach
    void start() throws Exception {
        stripe = new FakeStripe();
        StripeSettings settings = new StripeSettings(FakeStripe.SECRET_KEY, List.of(NEW, OLD), stripe.apiBase(),
                StripeSettings.DEFAULT_TOLERANCE, URI.create("https://tv.example/paid"),
                URI.create("https://tv.example/cancelled"));
        webhooks = new StripeWebhooks(settings, Clock.fixed(NOW, ZoneOffset.UTC));
        CheckoutState session = new StripeGateway(settings).createCheckout(new CheckoutRequest("HW-2026-000001",
                "alice", "Premium, 1 month", Money.of(1199, "EUR")));
        body = stripe.event("evt_1", "checkout.session.completed", session.id(), NOW.getEpochSecond());
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private GatewayEvent verify(String payload, String header) throws WebhookRefusedException {
        return webhooks.verify(payload.getBytes(StandardCharsets.UTF_8), header);
    }

    @Test
    void a_correctly_signed_event_verifies_under_either_secret_during_rotation() throws Exception {
        GatewayEvent event = verify(body, FakeStripe.sign(body, OLD, NOW.getEpochSecond()));

        assertThat(event).isEqualTo(new GatewayEvent("evt_1", "checkout.session.completed", "cs_test_1", NOW));
        assertThat(verify(body, FakeStripe.sign(body, NEW, NOW.getEpochSecond() - 299)).id()).isEqualTo("evt_1");
        String both = FakeStripe.sign(body, NEW, NOW.getEpochSecond()) + ",v1="
                + FakeStripe.sign(body, OLD, NOW.getEpochSecond()).replaceAll(".*v1=", "");
        assertThat(verify(body, both).id()).isEqualTo("evt_1");
    }

    @Test
    void unsigned_wrongly_signed_stale_future_and_reserialised_events_are_refused() {
        long t = NOW.getEpochSecond();
        assertThatThrownBy(() -> verify(body, null)).hasMessage("no Stripe-Signature header");
        assertThatThrownBy(() -> verify(body, FakeStripe.sign(body, "whsec_attacker", t)))
                .isInstanceOf(WebhookRefusedException.class).hasMessageContaining("does not verify under any of 2");
        assertThatThrownBy(() -> verify(body, FakeStripe.sign(body, NEW, t - 301)))
                .hasMessageContaining("Timestamp outside the tolerance zone");
        assertThatThrownBy(() -> verify(body, FakeStripe.sign(body, NEW, t + 301)))
                .hasMessage("timestamp is 301 s in the future: tolerance is 300 s");
        String reserialised = body.replace(",", ", ");
        assertThatThrownBy(() -> verify(reserialised, FakeStripe.sign(body, NEW, t)))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> verify(body, "v1=" + "0".repeat(64))).hasMessageContaining("no timestamp");
        assertThatThrownBy(() -> webhooks.verify(new byte[] {(byte) 0xC3, 0x28}, FakeStripe.sign("x", NEW, t)))
                .hasMessage("body is not UTF-8");
        String notAnEvent = "{\"hello\":1}";
        assertThatThrownBy(() -> verify(notAnEvent, FakeStripe.sign(notAnEvent, NEW, t)))
                .hasMessageContaining("not a Stripe event");
        assertThatThrownBy(() -> webhooks.verify(new byte[StripeWebhooks.MAX_BODY + 1], FakeStripe.sign("", NEW, t)))
                .hasMessageContaining("is over");
    }

    @Test
    void the_gateway_creates_retrieves_and_refunds_idempotently() {
        StripeSettings settings = new StripeSettings(FakeStripe.SECRET_KEY, List.of(NEW), stripe.apiBase(),
                Duration.ofMinutes(5), URI.create("https://tv.example/paid"), URI.create("https://tv.example/no"));
        StripeGateway gateway = new StripeGateway(settings);
        CheckoutRequest request = new CheckoutRequest("HW-2026-000002", "bob", "Basic", Money.of(500, "EUR"));

        CheckoutState first = gateway.createCheckout(request);
        CheckoutState retried = gateway.createCheckout(request);
        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(first.paid()).isFalse();
        assertThat(first.amount()).isEqualTo(Money.of(500, "EUR"));
        assertThat(first.invoiceNumber()).isEqualTo("HW-2026-000002");
        assertThat(first.url()).startsWith("https://checkout.stripe.com/");

        stripe.pay(first.id());
        CheckoutState paid = gateway.checkout(first.id());
        assertThat(paid.paid()).isTrue();
        assertThat(paid.subscriberId()).isEqualTo("bob");
        assertThat(gateway.refund(paid.paymentIntent(), Money.of(200, "EUR"), "CN-2026-000001")).startsWith("re_");
        assertThatThrownBy(() -> gateway.checkout("cs_missing")).isInstanceOf(GatewayException.class)
                .hasMessageContaining("resource_missing").hasMessageContaining("HTTP 404");
        assertThat(new StripeSettings("sk_live_secret", List.of("whsec_x"), settings.apiBase(), Duration.ofMinutes(5),
                settings.successUrl(), settings.cancelUrl()).toString()).doesNotContain("sk_live_secret", "whsec_x");
    }
}
