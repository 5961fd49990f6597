package headwater.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.HeadwaterServer;
import headwater.app.config.BillingConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.config.TlsConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.billing.Invoice;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.TaxRate;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.payments.FakeStripe;
import headwater.store.Database;
import headwater.store.billing.JdbiInvoiceRepository;
import headwater.store.billing.JdbiLedger;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stripe end to end on a real server: a subscriber who has expired subscribes, pays on (a local) Stripe, and the
 * signed webhook at POST /webhooks/stripe gives access back; the same event twice at the same moment pays once;
 * forged, stale and re-serialised events change nothing; the outcome is read from Stripe, not from the event.
 */
class StripeBillingTest {

    private static final String WEBHOOK_SECRET = "whsec_test_billing_0123456789";
    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

    @TempDir
    Path dir;

    private FakeStripe stripe;
    private HeadwaterServer server;
    private BillingDesk desk;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        stripe = new FakeStripe();
        BillingConfig billing = new BillingConfig("EUR", TaxRate.percent("20"), 3, Optional.of(FakeStripe.SECRET_KEY),
                List.of(WEBHOOK_SECRET), stripe.apiBase(), Optional.of(URI.create("https://tv.example/portal/")))
                .withCreditPrice(50);
        HeadwaterConfig config = HeadwaterConfig.defaults().withServer(new ServerConfig("127.0.0.1", 0))
                .withDataDir(dir.resolve("data")).withTls(TlsConfig.off()).withBilling(billing);
        server = HeadwaterServer.start(config, NO_FFMPEG);
        Database db = server.database();
        new JdbiPlanRepository(db).create(Plan.of("gold", "Gold", Money.of(1000, "EUR")));
        new JdbiSubscriberRepository(db, Clock.systemUTC()).create(SubscriberDraft.of("alice", "alice", HASH)
                .withPlanId("gold").withExpiry(Instant.now().minusSeconds(60)));
        desk = BillingWiring.desk(billing, URI.create("https://tv.example/"), db,
                headwater.domain.audit.AuditTrail.NONE, Notices.NONE, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        stripe.close();
    }

    private Subscriber alice() {
        return new JdbiSubscriberRepository(server.database(), Clock.systemUTC()).get("alice");
    }

    private HttpResponse<String> deliver(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUrl().resolve("/webhooks/stripe"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String paidSession() {
        Invoice invoice = desk.subscribe("alice", "gold", "EUR", "op").orElseThrow();
        assertThat(invoice.draft().total()).isEqualTo(Money.of(1200, "EUR"));
        PaymentRequest request = desk.pay(invoice.number());
        assertThat(request.gateway()).isEqualTo("stripe");
        assertThat(request.url()).startsWith("https://checkout.stripe.com/");
        String session = request.url().substring(request.url().lastIndexOf('/') + 1);
        stripe.pay(session);
        return session;
    }

    @Test
    void a_paid_checkout_gives_access_once_even_when_the_event_arrives_twice_at_once() throws Exception {
        assertThat(alice().mayWatchAt(Instant.now())).isFalse();
        String session = paidSession();
        long now = Instant.now().getEpochSecond();
        String body = stripe.event("evt_paid_1", "checkout.session.completed", session, now);
        String signature = FakeStripe.sign(body, WEBHOOK_SECRET, now);

        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            deliveries.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return deliver(body, signature);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> d : deliveries) {
            HttpResponse<String> response = d.get();
            assertThat(response.statusCode()).isEqualTo(200);
            outcomes.add(response.body());
        }

        assertThat(outcomes).filteredOn(o -> o.contains("\"applied\"")).hasSize(1);
        Subscriber paid = alice();
        assertThat(paid.mayWatchAt(Instant.now())).isTrue();
        assertThat(paid.expiry()).isAfter(Instant.now().plus(java.time.Duration.ofDays(27)));
        JdbiLedger ledger = new JdbiLedger(server.database());
        assertThat(ledger.balance(LedgerAccount.clearing("stripe"), "EUR")).isEqualTo(Money.of(1200, "EUR"));
        assertThat(ledger.balance(LedgerAccount.REVENUE, "EUR")).isEqualTo(Money.of(1000, "EUR"));
        assertThat(ledger.balance(LedgerAccount.TAX, "EUR")).isEqualTo(Money.of(200, "EUR"));
        assertThat(ledger.trialBalance().balanced()).isTrue();
        assertThat(new JdbiInvoiceRepository(server.database()).outstanding()).isEmpty();
        assertThat(new headwater.store.billing.StripeCustomers(server.database()).find("alice"))
                .as("the subscriber's Stripe Customer, reused by later sessions").hasValueSatisfying(c ->
                        assertThat(c).startsWith("cus_"));
        assertThat(stripe.requests()).containsOnlyOnce("POST /v1/customers");
        assertThat(deliver(body, signature).body()).contains("\"duplicate\"");

        String number = new JdbiInvoiceRepository(server.database()).bySubscriber("alice").get(0).number().toString();
        HttpResponse<String> refunded = api("POST", "billing/invoices/" + number + "/refund", "{\"netMinorUnits\": 400}");
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
        assertThat(refunded.body()).contains("\"kind\":\"CREDIT_NOTE\"", "\"total\":\"-4.80\"");
        assertThat(stripe.requests()).contains("POST /v1/refunds");
        assertThat(api("POST", "billing/invoices/" + number + "/refund", "{\"netMinorUnits\": 601}").body())
                .contains("left to credit");
        assertThat(ledger.balance(LedgerAccount.clearing("stripe"), "EUR")).isEqualTo(Money.of(720, "EUR"));
        assertThat(ledger.balance(LedgerAccount.REVENUE, "EUR")).isEqualTo(Money.of(600, "EUR"));
        assertThat(ledger.balance(LedgerAccount.receivable("alice"), "EUR")).isEqualTo(Money.of(0, "EUR"));
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void forged_stale_unsigned_and_reserialised_events_are_refused_and_change_nothing() throws Exception {
        String session = paidSession();
        long now = Instant.now().getEpochSecond();
        String body = stripe.event("evt_forged", "checkout.session.completed", session, now);

        assertThat(deliver(body, null).statusCode()).isEqualTo(400);
        assertThat(deliver(body, FakeStripe.sign(body, "whsec_guessed", now)).statusCode()).isEqualTo(400);
        assertThat(deliver(body, FakeStripe.sign(body, WEBHOOK_SECRET, now - 600)).statusCode()).isEqualTo(400);
        HttpResponse<String> reserialised = deliver(body.replace(":", ": "), FakeStripe.sign(body, WEBHOOK_SECRET, now));
        assertThat(reserialised.statusCode()).isEqualTo(400);
        assertThat(reserialised.body()).isEqualTo("refused\n");

        assertThat(alice().mayWatchAt(Instant.now())).isFalse();
        assertThat(new JdbiLedger(server.database()).trialBalance().entries()).isEqualTo(1);
    }

    @Test
    void the_outcome_is_read_from_stripe_so_events_out_of_order_end_in_the_right_state() throws Exception {
        Invoice invoice = desk.subscribe("alice", "gold", "EUR", "op").orElseThrow();
        String url = desk.pay(invoice.number()).url();
        String session = url.substring(url.lastIndexOf('/') + 1);
        long now = Instant.now().getEpochSecond();
        // "completed" for a payment still pending (bank debit): Stripe says unpaid, nothing is granted.
        String early = stripe.event("evt_early", "checkout.session.completed", session, now);
        assertThat(deliver(early, FakeStripe.sign(early, WEBHOOK_SECRET, now)).body()).contains("\"unpaid\"");
        assertThat(alice().mayWatchAt(Instant.now())).isFalse();

        stripe.pay(session);
        // An event whose embedded copy still says unpaid (it was made before): Stripe's current state wins.
        String stale = early.replace("evt_early", "evt_async");
        stale = stale.replace("checkout.session.completed", "checkout.session.async_payment_succeeded");
        assertThat(deliver(stale, FakeStripe.sign(stale, WEBHOOK_SECRET, now)).body()).contains("\"applied\"");
        assertThat(alice().mayWatchAt(Instant.now())).isTrue();
        assertThat(alice().expiry()).isAfter(BillingPeriod.months(1).after(Instant.now()).minusSeconds(120));
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        String key = headwater.app.AdminTokens.admin(server);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.adminApiUrl().resolve(path))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_admin_api_prices_from_the_catalogue_and_refuses_a_client_price() throws Exception {
        HttpResponse<String> terms = api("PUT", "billing/plans/gold/terms",
                "{\"prices\": {\"EUR\": 1000, \"USD\": 1100}, \"grace\": \"P3D\"}");
        assertThat(terms.statusCode()).as(terms.body()).isEqualTo(200);
        assertThat(terms.body()).contains("\"USD\":1100", "\"grace\":\"PT72H\"");

        HttpResponse<String> cheap = api("POST", "billing/subscriptions",
                "{\"subscriberId\": \"alice\", \"planId\": \"gold\", \"price\": 1}");
        assertThat(cheap.statusCode()).isEqualTo(400);
        assertThat(cheap.body()).contains("price");
        HttpResponse<String> yen = api("POST", "billing/subscriptions",
                "{\"subscriberId\": \"alice\", \"planId\": \"gold\", \"currency\": \"JPY\"}");
        assertThat(yen.statusCode()).isEqualTo(400);
        assertThat(yen.body()).contains("JPY");

        HttpResponse<String> subscribed = api("POST", "billing/subscriptions",
                "{\"subscriberId\": \"alice\", \"planId\": \"gold\", \"currency\": \"USD\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        assertThat(subscribed.body()).contains("\"total\":\"13.20\"", "\"gateway\":\"stripe\"",
                "https://checkout.stripe.com/");
        String number = subscribed.body().replaceAll(".*\"number\":\"([A-Z]+-\\d+-\\d+)\".*", "$1");

        HttpResponse<String> confirmed = api("POST", "billing/invoices/" + number + "/confirm",
                "{\"method\": \"bank\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"applied\":true", "\"state\":\"ACTIVE\"");
        assertThat(alice().mayWatchAt(Instant.now())).isTrue();

        assertThat(api("GET", "billing/invoices?subscriber=alice", null).body()).contains(number);
        HttpResponse<String> vouchers = api("POST", "billing/vouchers",
                "{\"count\": 1, \"value\": 1320, \"currency\": \"USD\"}");
        assertThat(vouchers.statusCode()).as(vouchers.body()).isEqualTo(201);
        String code = vouchers.body().replaceAll(".*\"code\":\"([A-Z0-9-]+)\".*", "$1");
        String renewal = api("POST", "billing/subscriptions/alice/renewal", "{}").body()
                .replaceAll(".*\"number\":\"([A-Z]+-\\d+-\\d+)\".*", "$1");
        HttpResponse<String> byVoucher = api("POST", "billing/invoices/" + renewal + "/voucher",
                "{\"code\": \"" + code + "\"}");
        assertThat(byVoucher.statusCode()).as(byVoucher.body()).isEqualTo(200);
        assertThat(api("POST", "billing/invoices/" + renewal + "/voucher", "{\"code\": \"" + code + "\"}")
                .statusCode()).isEqualTo(400);
        assertThat(api("GET", "billing/check", null).body()).contains("\"balanced\":true");
        HttpResponse<String> csv = api("GET", "billing/report?format=csv", null);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(csv.body()).startsWith("month,currency,revenue,tax\r\n").contains(",USD,22.00,4.40\r\n");
        assertThat(api("GET", "billing/report", null).body()).contains("\"mrr\":[{", "\"currency\":\"USD\"", "\"amount\":\"11.00\"");
    }

    @Test
    void a_subscriber_sees_and_pays_only_their_own_invoices_in_the_portal() throws Exception {
        String password = "correct horse battery staple 42";
        new JdbiSubscriberRepository(server.database(), Clock.systemUTC()).create(SubscriberDraft.of("carol", "carol",
                new headwater.api.Argon2PasswordHasher().hash(password.toCharArray())).withPlanId("gold"));
        Invoice alices = desk.subscribe("alice", "gold", "EUR", "op").orElseThrow();
        Invoice carols = desk.subscribe("carol", "gold", "EUR", "op").orElseThrow();

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(server.adminApiUrl().resolve("portal/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"carol\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = login.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> mine = http.send(HttpRequest.newBuilder(server.adminApiUrl()
                .resolve("portal/billing/invoices")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(mine.body()).contains(carols.number().toString()).doesNotContain(alices.number().toString());
        assertThat(http.send(HttpRequest.newBuilder(server.adminApiUrl().resolve("billing/invoices"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

        HttpResponse<String> pay = portalPost(cookie, csrf, "portal/billing/invoices/" + carols.number() + "/checkout");
        assertThat(pay.statusCode()).as(pay.body()).isEqualTo(200);
        assertThat(pay.body()).contains("https://checkout.stripe.com/", "\"total\":\"12.00\"");
        assertThat(portalPost(cookie, csrf, "portal/billing/invoices/" + alices.number() + "/checkout").statusCode())
                .as("another subscriber's invoice does not exist for carol").isEqualTo(404);
        assertThat(portalPost(cookie, null, "portal/billing/invoices/" + carols.number() + "/checkout").statusCode())
                .as("no CSRF token").isEqualTo(403);
    }

    @Test
    void player_api_says_expired_until_the_payment_and_active_right_after() throws Exception {
        String password = "another long passphrase 7";
        new JdbiSubscriberRepository(server.database(), Clock.systemUTC()).create(SubscriberDraft.of("dave", "dave",
                new headwater.api.Argon2PasswordHasher().hash(password.toCharArray())).withPlanId("gold")
                .withExpiry(Instant.now().minusSeconds(3600)));
        URI playerApi = server.baseUrl().resolve("/player_api.php?username=dave&password="
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(http.send(HttpRequest.newBuilder(playerApi).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"status\":\"Expired\"");

        Invoice invoice = desk.subscribe("dave", "gold", "EUR", "op").orElseThrow();
        desk.confirmManual(invoice.number(), "cash", "op");

        assertThat(http.send(HttpRequest.newBuilder(playerApi).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"status\":\"Active\"");
    }

    @Test
    void a_reseller_sells_through_the_api_only_to_its_own_subscribers() throws Exception {
        Database db = server.database();
        var resellers = new headwater.store.subscriber.JdbiResellerRepository(db, Clock.systemUTC());
        resellers.create(new headwater.domain.subscriber.ResellerDraft("r1", "North"));
        resellers.create(new headwater.domain.subscriber.ResellerDraft("r2", "South"));
        resellers.addCredits("r1", 25, "bank transfer");
        var subscribers = new JdbiSubscriberRepository(db, Clock.systemUTC());
        subscribers.create(SubscriberDraft.of("erin", "erin", HASH).withPlanId("gold")
                .withOwner(headwater.domain.subscriber.Owner.reseller("r1")));
        subscribers.create(SubscriberDraft.of("fred", "fred", HASH).withPlanId("gold")
                .withOwner(headwater.domain.subscriber.Owner.reseller("r2")));
        assertThat(api("PUT", "billing/plans/gold/terms", "{\"prices\": {\"EUR\": 1000}, \"creditPrice\": 10}")
                .statusCode()).isEqualTo(200);
        String token = headwater.app.AdminTokens.issue(db, headwater.domain.identity.Role.RESELLER, "r1",
                headwater.domain.apitoken.ApiScope.SUBSCRIBERS_WRITE);

        HttpResponse<String> sold = sale(token, "{\"subscriberId\": \"erin\", \"planId\": \"gold\"}");
        assertThat(sold.statusCode()).as(sold.body()).isEqualTo(201);
        assertThat(sold.body()).contains("\"state\":\"ACTIVE\"");
        assertThat(sale(token, "{\"subscriberId\": \"fred\", \"planId\": \"gold\"}").statusCode())
                .as("another reseller's subscriber does not exist for r1").isEqualTo(404);
        assertThat(sale(token, "{\"resellerId\": \"r2\", \"subscriberId\": \"erin\", \"planId\": \"gold\"}")
                .statusCode()).isEqualTo(400);
        sale(token, "{\"subscriberId\": \"erin\", \"planId\": \"gold\"}");
        HttpResponse<String> broke = sale(token, "{\"subscriberId\": \"erin\", \"planId\": \"gold\"}");
        assertThat(broke.statusCode()).isEqualTo(400);
        assertThat(broke.body()).contains("below zero");
        assertThat(resellers.get("r1").credits()).isEqualTo(5);

        HttpResponse<String> buy = http.send(HttpRequest.newBuilder(server.adminApiUrl().resolve("billing/credits"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"credits\": 20}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(buy.statusCode()).as(buy.body()).isEqualTo(200);
        String url = buy.body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        String session = url.substring(url.lastIndexOf('/') + 1);
        stripe.pay(session);
        long t = Instant.now().getEpochSecond();
        String event = stripe.event("evt_credits", "checkout.session.completed", session, t);
        assertThat(deliver(event, FakeStripe.sign(event, WEBHOOK_SECRET, t)).body()).contains("\"credits-added\"");
        String again = event.replace("evt_credits", "evt_credits_again");
        assertThat(deliver(again, FakeStripe.sign(again, WEBHOOK_SECRET, t)).body()).contains("\"already-added\"");
        assertThat(resellers.get("r1").credits()).isEqualTo(25);
        JdbiLedger ledger = new JdbiLedger(db);
        assertThat(ledger.balance(LedgerAccount.UNEARNED_CREDITS, "EUR")).isEqualTo(Money.of(1000, "EUR"));
        assertThat(ledger.trialBalance().balanced()).isTrue();
        assertThat(subscribers.get("erin").mayWatchAt(Instant.now())).isTrue();
        assertThat(new headwater.store.billing.JdbiSubscriptionRepository(db, Clock.systemUTC()).find("fred")).isEmpty();
    }

    @Test
    void upgrades_are_invoiced_prorated_downgrades_credited_and_cancellation_ends_access() throws Exception {
        new JdbiPlanRepository(server.database()).create(Plan.of("silver", "Silver", Money.of(500, "EUR")));
        Invoice first = desk.subscribe("alice", "gold", "EUR", "op").orElseThrow();
        desk.confirmManual(first.number(), "cash", "op");
        Instant paidUntil = alice().expiry();

        HttpResponse<String> down = api("POST", "billing/subscriptions/alice/plan", "{\"planId\": \"silver\"}");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
        assertThat(down.body()).contains("\"planId\":\"silver\"", "\"kind\":\"CREDIT_NOTE\"");
        assertThat(alice().planId()).isEqualTo("silver");
        assertThat(alice().expiry()).as("a plan change keeps the paid period").isEqualTo(paidUntil);

        HttpResponse<String> up = api("POST", "billing/subscriptions/alice/plan", "{\"planId\": \"gold\"}");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("\"kind\":\"INVOICE\"");
        String upgrade = up.body().replaceAll(".*\"difference\":\\{\"number\":\"([A-Z]+-\\d+-\\d+)\".*", "$1");
        desk.confirmManual(headwater.domain.billing.InvoiceNumber.parse(upgrade), "cash", "op");
        assertThat(alice().expiry()).as("the prorated difference does not buy another period").isEqualTo(paidUntil);
        assertThat(new JdbiLedger(server.database()).trialBalance().balanced()).isTrue();

        HttpResponse<String> atEnd = api("POST", "billing/subscriptions/alice/cancel", "{}");
        assertThat(atEnd.body()).contains("\"cancelAtPeriodEnd\":true", "\"state\":\"ACTIVE\"");
        assertThat(alice().mayWatchAt(Instant.now())).isTrue();
        HttpResponse<String> now = api("POST", "billing/subscriptions/alice/cancel", "{\"immediately\": true}");
        assertThat(now.body()).contains("\"state\":\"CANCELLED\"");
        assertThat(alice().mayWatchAt(Instant.now())).isFalse();
    }

    private HttpResponse<String> sale(String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.adminApiUrl().resolve("billing/sales"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> portalPost(String cookie, String csrf, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.adminApiUrl().resolve(path)).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
