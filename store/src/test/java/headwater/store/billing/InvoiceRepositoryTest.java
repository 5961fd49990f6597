package headwater.store.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceDraft;
import headwater.domain.billing.InvoiceKind;
import headwater.domain.billing.InvoiceLine;
import headwater.domain.billing.InvoiceNumber;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.TaxRate;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class InvoiceRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final TaxRate VAT = TaxRate.percent("20");

    private static InvoiceDraft premium(String subscriber) {
        return InvoiceDraft.invoice(subscriber, "EUR", VAT, new InvoiceLine("Premium, 1 month", 1, Money.of(1000, "EUR")));
    }

    private static InvoiceDraft refund(String invoice, long cents) {
        return new InvoiceDraft(InvoiceKind.CREDIT_NOTE, "alice", "EUR",
                List.of(new InvoiceLine("refund", 1, Money.of(-cents, "EUR"))), VAT, invoice);
    }

    @EachDatabase
    void numbers_have_no_gaps_even_when_an_issue_fails(TestStore store) {
        JdbiInvoiceRepository invoices = new JdbiInvoiceRepository(store.database());
        Invoice first = invoices.issue(premium("alice"), NOW);
        assertThatThrownBy(() -> invoices.issue(refund("HW-2026-999999", 100), NOW))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("does not exist");
        Invoice second = invoices.issue(premium("bob"), NOW);
        Invoice nextYear = invoices.issue(premium("bob"), Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(first.number()).hasToString("HW-2026-000001");
        assertThat(second.number()).hasToString("HW-2026-000002");
        assertThat(nextYear.number()).hasToString("HW-2027-000001");
        assertThat(invoices.find(first.number())).contains(first);
        assertThat(invoices.outstanding()).extracting(Invoice::number)
                .containsExactly(first.number(), second.number(), nextYear.number());
    }

    @EachDatabase
    void concurrent_issues_take_consecutive_numbers(TestStore store) throws Exception {
        JdbiInvoiceRepository invoices = new JdbiInvoiceRepository(store.database());
        List<Throwable> failures = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        LedgerTest.race(20, i -> () -> {
            synchronized (numbers) {
                numbers.add(null);
            }
            Invoice invoice = invoices.issue(premium("s" + i), NOW);
            synchronized (numbers) {
                numbers.add(invoice.number().toString());
            }
            return null;
        }, failures);

        assertThat(failures).isEmpty();
        assertThat(numbers.stream().filter(n -> n != null).sorted().toList()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("HW-2026-%06d", i)).toList());
    }

    @EachDatabase
    void payment_and_refunds_are_booked_and_never_exceed_the_invoice(TestStore store) {
        JdbiInvoiceRepository invoices = new JdbiInvoiceRepository(store.database());
        JdbiLedger ledger = new JdbiLedger(store.database());
        Invoice invoice = invoices.issue(premium("alice"), NOW);
        LedgerAccount stripe = LedgerAccount.clearing("stripe");

        Invoice paid = invoices.settle(invoice.number(), stripe, "pi_1", NOW);
        Invoice again = invoices.settle(invoice.number(), stripe, "pi_1_redelivered", NOW);
        assertThat(paid.paidAt()).isEqualTo(NOW);
        assertThat(again).isEqualTo(paid);
        assertThat(ledger.balance(stripe, "EUR")).isEqualTo(Money.of(1200, "EUR"));

        Invoice credit = invoices.issue(refund(invoice.number().toString(), 400), NOW);
        assertThat(credit.number()).hasToString("CN-2026-000001");
        assertThat(credit.draft().total()).isEqualTo(Money.of(-480, "EUR"));
        assertThatThrownBy(() -> invoices.issue(refund(invoice.number().toString(), 601), NOW))
                .hasMessageContaining("has 7.20 EUR left to credit");
        invoices.issue(refund(invoice.number().toString(), 600), NOW);
        assertThatThrownBy(() -> invoices.issue(new InvoiceDraft(InvoiceKind.CREDIT_NOTE, "bob", "EUR",
                List.of(new InvoiceLine("refund", 1, Money.of(-1, "EUR"))), VAT, invoice.number().toString()), NOW))
                .hasMessageContaining("not an invoice of subscriber bob");

        assertThat(ledger.balance(LedgerAccount.REVENUE, "EUR")).isEqualTo(Money.of(0, "EUR"));
        assertThat(ledger.balance(LedgerAccount.TAX, "EUR")).isEqualTo(Money.of(0, "EUR"));
        assertThat(ledger.balance(LedgerAccount.receivable("alice"), "EUR")).isEqualTo(Money.of(-1200, "EUR"));
        assertThat(invoices.bySubscriber("alice")).hasSize(3);
        assertThat(invoices.outstanding()).isEmpty();
        assertThat(ledger.trialBalance().problems()).isEmpty();
        assertThat(InvoiceNumber.parse(paid.number().toString())).isEqualTo(invoice.number());
    }
}
