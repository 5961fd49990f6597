package headwater.payments;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import headwater.domain.subscriber.Money;
import java.util.Locale;
import java.util.Map;

/**
 * The Stripe calls Headwater makes, through stripe-java: create a Checkout Session for an invoice, read a session's
 * current state (the truth a webhook points at), and refund. Every creating call carries an idempotency key derived
 * from what it is for, so that a retry after a timeout never charges or refunds twice.
 */
public final class StripeGateway {

    private final StripeClient client;
    private final StripeSettings settings;

    public StripeGateway(StripeSettings settings) {
        this.settings = settings;
        this.client = StripeClient.builder().setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase().toString().replaceAll("/+$", ""))
                .setMaxNetworkRetries(2).setConnectTimeout(10_000).setReadTimeout(30_000).build();
    }

    /**
     * Makes the Stripe Customer of a subscriber, idempotently (the subscriber id is the key).
     *
     * @return its id ({@code cus_...})
     */
    public String createCustomer(String subscriberId, String email) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().putMetadata("subscriber", subscriberId);
        if (email != null) {
            params.setEmail(email);
        }
        try {
            Customer customer = client.v1().customers().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey("customer-" + subscriberId).build());
            return customer.getId();
        } catch (StripeException e) {
            throw failure("creating the customer of subscriber " + subscriberId, e);
        }
    }

    public CheckoutState createCheckout(CheckoutRequest request) {
        return createCheckout(request, null);
    }

    /** A Checkout Session for an invoice, attached to the subscriber's Stripe Customer when {@code customer} is set. */
    public CheckoutState createCheckout(CheckoutRequest request, String customer) {
        return createSession(request.subscriberId(), customer, Map.of("invoice", request.invoiceNumber(),
                        "subscriber", request.subscriberId()), request.description(), request.amount(),
                "checkout-" + request.invoiceNumber(), "a checkout session for invoice " + request.invoiceNumber());
    }

    /**
     * A Checkout Session for a reseller's purchase of credits, marked with the reseller and the number of credits.
     *
     * @param reference unique per purchase: the idempotency key
     */
    public CheckoutState createCreditCheckout(String resellerId, long credits, Money amount, String reference) {
        return createSession(resellerId, null, Map.of("reseller", resellerId, "credits", Long.toString(credits)),
                credits + " reseller credits", amount, "credits-" + reference,
                "a credit checkout for reseller " + resellerId);
    }

    /** One paid line on Stripe's Checkout page, created once per idempotency key. */
    private CheckoutState createSession(String clientReference, String customer, Map<String, String> metadata,
                                        String line, Money amount, String idempotencyKey, String what) {
        SessionCreateParams.Builder builder = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(clientReference)
                .putAllMetadata(metadata)
                .setSuccessUrl(settings.successUrl().toString())
                .setCancelUrl(settings.cancelUrl().toString())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(amount.minorUnits())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(line).build())
                                .build())
                        .build());
        if (customer != null) {
            builder.setCustomer(customer);
        }
        try {
            return state(client.v1().checkout().sessions().create(builder.build(),
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()));
        } catch (StripeException e) {
            throw failure("creating " + what, e);
        }
    }

    public CheckoutState checkout(String sessionId) {
        try {
            return state(client.v1().checkout().sessions().retrieve(sessionId));
        } catch (StripeException e) {
            throw failure("reading checkout session " + sessionId, e);
        }
    }

    /**
     * Refunds part or all of a payment.
     *
     * @param reference what the refund is for (a credit note number): its idempotency key
     * @return the refund's id ({@code re_...})
     */
    public String refund(String paymentIntent, Money amount, String reference) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(paymentIntent)
                .setAmount(amount.minorUnits()).putMetadata("reference", reference).build();
        try {
            Refund refund = client.v1().refunds().create(params,
                    RequestOptions.builder().setIdempotencyKey("refund-" + reference).build());
            return refund.getId();
        } catch (StripeException e) {
            throw failure("refunding " + amount + " of " + paymentIntent, e);
        }
    }

    private static CheckoutState state(Session s) {
        Money amount = s.getAmountTotal() == null || s.getCurrency() == null ? null
                : Money.of(s.getAmountTotal(), s.getCurrency().toUpperCase(Locale.ROOT));
        String invoice = s.getMetadata() == null ? null : s.getMetadata().get("invoice");
        return new CheckoutState(s.getId(), s.getUrl(), "paid".equals(s.getPaymentStatus()), amount, invoice,
                s.getClientReferenceId(), s.getPaymentIntent(), s.getMetadata());
    }

    private static GatewayException failure(String what, StripeException e) {
        return new GatewayException("Stripe failed " + what + ": " + e.getCode() + " (HTTP " + e.getStatusCode()
                + ", request " + e.getRequestId() + ")", e);
    }
}
