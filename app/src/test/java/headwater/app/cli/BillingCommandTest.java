package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headwater billing ...} with the manual gateway (no Stripe key: the default): terms, subscribe, confirm in
 * cash with access following, the books' check, the report as CSV, and refusals with precise messages.
 */
class BillingCommandTest {

    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

    @TempDir
    Path dir;

    private CommandRun run(String... args) {
        return CommandRun.of(dir, Map.of("HEADWATER_BILLING_TAX_RATE", "20"), args);
    }

    @Test
    void an_operator_sells_a_plan_for_cash_and_the_books_balance() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            new JdbiPlanRepository(database).create(Plan.of("gold", "Gold", Money.of(1000, "EUR")));
            new JdbiSubscriberRepository(database, Clock.systemUTC()).create(SubscriberDraft.of("alice", "alice", HASH)
                    .withPlanId("gold").withExpiry(Instant.now().minusSeconds(1)));
        }
        CommandRun terms = run("billing", "terms", "gold", "--price", "EUR:1000", "--price", "USD:1100", "--grace", "3d");
        assertThat(terms.code()).as(terms.err()).isZero();
        assertThat(terms.out()).contains("plan gold: [10.00 EUR, 11.00 USD], trial 0s, grace 3d, 0 credits");

        CommandRun subscribed = run("billing", "subscribe", "alice", "gold");
        assertThat(subscribed.code()).as(subscribed.err()).isZero();
        int year = Instant.now().atOffset(ZoneOffset.UTC).getYear();
        String number = "HW-" + year + "-000001";
        assertThat(subscribed.out()).contains("invoice " + number + " for alice: 12.00 EUR (tax 2.00 EUR)",
                "headwater billing confirm " + number);

        assertThat(run("billing", "invoices").out()).contains(number, "12.00 EUR");
        CommandRun confirmed = run("billing", "confirm", number, "--method", "cash");
        assertThat(confirmed.code()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("invoice " + number + " paid (cash); alice may watch until");
        assertThat(run("billing", "confirm", number, "--method", "cash").out()).contains("was paid already");
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            assertThat(new JdbiSubscriberRepository(database, Clock.systemUTC()).get("alice").mayWatchAt(Instant.now()))
                    .isTrue();
        }

        CommandRun check = run("billing", "check");
        assertThat(check).isEqualTo(new CommandRun(0, check.out(), ""));
        assertThat(check.out()).contains("2 entries, 5 postings", "the books balance");
        CommandRun csv = run("billing", "report", "--csv");
        assertThat(csv.out()).isEqualTo("month,currency,revenue,tax\r\n" + YearMonth.now(ZoneOffset.UTC)
                + ",EUR,10.00,2.00\r\n");
        assertThat(run("billing", "report").out()).contains("MRR 10.00 EUR");
    }

    @Test
    void a_reseller_sells_for_credits_and_cannot_overspend() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            new JdbiPlanRepository(database).create(Plan.of("gold", "Gold", Money.of(1000, "EUR")));
            var resellers = new headwater.store.subscriber.JdbiResellerRepository(database, Clock.systemUTC());
            resellers.create(new headwater.domain.subscriber.ResellerDraft("r1", "North"));
            resellers.addCredits("r1", 15, "bank transfer");
            new JdbiSubscriberRepository(database, Clock.systemUTC()).create(SubscriberDraft.of("alice", "alice", HASH)
                    .withOwner(headwater.domain.subscriber.Owner.reseller("r1")));
        }
        assertThat(run("billing", "sell", "r1", "alice", "gold").err()).contains("creditPrice of gold is 0");
        run("billing", "terms", "gold", "--price", "EUR:1000", "--credits", "10");

        CommandRun sold = run("billing", "sell", "r1", "alice", "gold");
        assertThat(sold.code()).as(sold.err()).isZero();
        assertThat(sold.out()).contains("alice may watch until", "sold by r1");
        assertThat(run("billing", "sell", "r1", "alice", "gold").err())
                .contains("reseller credits of r1 are 5: spending 10 would take them below zero");
        assertThat(run("billing", "check").out()).contains("the books balance");
    }

    @Test
    void a_voucher_pays_an_invoice_once() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            new JdbiPlanRepository(database).create(Plan.of("gold", "Gold", Money.of(1000, "EUR")));
            new JdbiSubscriberRepository(database, Clock.systemUTC()).create(SubscriberDraft.of("alice", "alice", HASH)
                    .withPlanId("gold"));
        }
        CommandRun made = run("billing", "vouchers", "--count", "2", "--value", "EUR:1200");
        assertThat(made.code()).as(made.err()).isZero();
        String[] lines = made.out().split("\\R");
        assertThat(lines).hasSize(2);
        String code = lines[0].substring(0, 19);
        assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
        String number = "HW-" + Instant.now().atOffset(ZoneOffset.UTC).getYear() + "-000001";
        run("billing", "subscribe", "alice", "gold");

        CommandRun paid = run("billing", "pay-voucher", number, code.toLowerCase());
        assertThat(paid.code()).as(paid.err()).isZero();
        assertThat(paid.out()).contains("invoice " + number + " paid with a voucher; alice may watch until");
        run("billing", "subscribe", "alice", "gold");
        String second = "HW-" + Instant.now().atOffset(ZoneOffset.UTC).getYear() + "-000002";
        assertThat(run("billing", "pay-voucher", second, code).err())
                .contains("cannot pay invoice " + second + ": it is unknown, used, expired or not worth 12.00 EUR");
        assertThat(run("billing", "check").out()).contains("the books balance");
    }

    @Test
    void bad_input_gets_a_precise_refusal() {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            new JdbiPlanRepository(database).create(Plan.of("gold", "Gold", Money.of(1000, "EUR")));
            new JdbiSubscriberRepository(database, Clock.systemUTC()).create(SubscriberDraft.of("alice", "alice", HASH));
        }
        assertThat(run("billing", "terms", "gold", "--price", "EUR:-5").err()).contains("plan terms prices.EUR");
        assertThat(run("billing", "terms", "gold", "--price", "euro").err()).contains("is not CUR:MINOR");
        assertThat(run("billing", "subscribe", "alice", "gold", "--currency", "JPY").err())
                .contains("\"JPY\" is not a currency plan gold is sold in: EUR");
        assertThat(run("billing", "confirm", "HW-2026-000009", "--method", "cash").err()).contains("HW-2026-000009");
        assertThat(run("billing", "confirm", "HW-2026-000001", "--method", "bitcoin").err())
                .contains("\"bitcoin\" is not cash, bank or voucher");
    }
}
