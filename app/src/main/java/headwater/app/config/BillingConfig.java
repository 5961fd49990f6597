package headwater.app.config;

import headwater.domain.billing.TaxRate;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Billing ({@code billing.*}): the currency and tax rate of invoices, and Stripe. Without a Stripe secret key the
 * manual gateway is used: an operator confirms cash, bank transfers and vouchers.
 *
 * @param currency       ISO 4217 code invoices are issued in unless a plan is priced otherwise
 * @param taxRate        applied to every invoice line
 * @param reminderDays   how many days before a period ends the renewal reminder goes out, 0 for none
 * @param stripeSecretKey      Stripe's secret API key; empty for the manual gateway. A secret: never printed
 * @param stripeWebhookSecrets the webhook endpoint's signing secrets (several while one is rotated). Secrets
 * @param stripeApiBase  Stripe's API; only tests change it
 * @param returnUrl      where Stripe's page sends the subscriber back to; empty for the server's own portal
 * @param smtp           where e-mail notices (receipts, renewal reminders, expiry notices) go out; empty for none
 * @param creditPrice    what one reseller credit costs through Stripe, in minor units of {@code currency}; 0: resellers
 *                       cannot buy credits themselves (an operator adds them)
 */
public record BillingConfig(String currency, TaxRate taxRate, int reminderDays, Optional<String> stripeSecretKey,
                            List<String> stripeWebhookSecrets, URI stripeApiBase, Optional<URI> returnUrl,
                            Optional<Smtp> smtp, long creditPrice) {

    /**
     * An SMTP relay.
     *
     * @param startTls require STARTTLS before authenticating (port 587); false only for a relay on this host
     * @param password a secret: never printed
     */
    public record Smtp(String host, int port, boolean startTls, Optional<String> username, Optional<String> password,
                       String from) {

        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", startTls=" + startTls + ", username=" + username.orElse("-")
                    + ", password=" + (password.isPresent() ? "***" : "-") + ", from=" + from + "]";
        }
    }

    public static final String DEFAULT_CURRENCY = "EUR";
    public static final int DEFAULT_REMINDER_DAYS = 3;
    public static final URI STRIPE_API = URI.create("https://api.stripe.com");

    public BillingConfig {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(taxRate, "taxRate");
        stripeSecretKey = Objects.requireNonNullElse(stripeSecretKey, Optional.empty());
        stripeWebhookSecrets = List.copyOf(stripeWebhookSecrets);
        Objects.requireNonNull(stripeApiBase, "stripeApiBase");
        returnUrl = Objects.requireNonNullElse(returnUrl, Optional.empty());
        smtp = Objects.requireNonNullElse(smtp, Optional.empty());
    }

    /** Without a credit price. */
    public BillingConfig(String currency, TaxRate taxRate, int reminderDays, Optional<String> stripeSecretKey,
                         List<String> stripeWebhookSecrets, URI stripeApiBase, Optional<URI> returnUrl,
                         Optional<Smtp> smtp) {
        this(currency, taxRate, reminderDays, stripeSecretKey, stripeWebhookSecrets, stripeApiBase, returnUrl, smtp, 0);
    }

    public BillingConfig withCreditPrice(long newCreditPrice) {
        return new BillingConfig(currency, taxRate, reminderDays, stripeSecretKey, stripeWebhookSecrets, stripeApiBase,
                returnUrl, smtp, newCreditPrice);
    }

    /** Without e-mail notices. */
    public BillingConfig(String currency, TaxRate taxRate, int reminderDays, Optional<String> stripeSecretKey,
                         List<String> stripeWebhookSecrets, URI stripeApiBase, Optional<URI> returnUrl) {
        this(currency, taxRate, reminderDays, stripeSecretKey, stripeWebhookSecrets, stripeApiBase, returnUrl,
                Optional.empty());
    }

    public BillingConfig withSmtp(Smtp newSmtp) {
        return new BillingConfig(currency, taxRate, reminderDays, stripeSecretKey, stripeWebhookSecrets, stripeApiBase,
                returnUrl, Optional.of(newSmtp), creditPrice);
    }

    public static BillingConfig defaults() {
        return new BillingConfig(DEFAULT_CURRENCY, TaxRate.NONE, DEFAULT_REMINDER_DAYS, Optional.empty(), List.of(),
                STRIPE_API, Optional.empty());
    }

    /** Whether payments go through Stripe (a secret key is set); else the manual gateway. */
    public boolean stripe() {
        return stripeSecretKey.isPresent();
    }

    /** The secrets are never shown. */
    @Override
    public String toString() {
        return "BillingConfig[currency=" + currency + ", taxRate=" + taxRate + ", reminderDays=" + reminderDays
                + ", stripe=" + (stripe() ? "on" : "off") + ", webhookSecrets=" + stripeWebhookSecrets.size()
                + ", stripeApiBase=" + stripeApiBase + ", returnUrl=" + returnUrl + ", smtp=" + smtp + ", creditPrice="
                + creditPrice + "]";
    }
}
