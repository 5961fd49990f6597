package headwater.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1000 | 20   | 200
            999  | 20   | 200
            1    | 5.5  | 0
            10   | 5    | 1
            9    | 5.5  | 0
            100  | 0    | 0
            333  | 33.33| 111
            -999 | 20   | -200
            """)
    void tax_is_rounded_half_up_to_the_minor_unit(long net, String percent, long tax) {
        assertThat(TaxRate.percent(percent).taxOn(net)).isEqualTo(tax);
    }

    @Test
    void rates_outside_0_to_100_percent_are_refused() {
        assertThatThrownBy(() -> TaxRate.percent("100.01")).hasMessageContaining("10000");
        assertThatThrownBy(() -> TaxRate.percent("-1")).hasMessageContaining("between 0");
        assertThatThrownBy(() -> TaxRate.percent("20.125")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> TaxRate.percent("NaN")).hasMessageContaining("two decimals");
    }

    @Test
    void totals_are_computed_from_the_lines() {
        InvoiceDraft draft = InvoiceDraft.invoice("alice", "EUR", TaxRate.percent("20"),
                new InvoiceLine("Premium, 1 month", 1, Money.of(999, "EUR")),
                new InvoiceLine("Extra connection", 2, Money.of(250, "EUR")));

        assertThat(draft.net()).isEqualTo(Money.of(1499, "EUR"));
        assertThat(draft.tax()).isEqualTo(Money.of(300, "EUR"));
        assertThat(draft.total()).isEqualTo(Money.of(1799, "EUR"));
    }

    @Test
    void an_invoice_books_receivable_against_revenue_and_tax() {
        Invoice invoice = new Invoice(new InvoiceNumber("HW", 2026, 42), InvoiceDraft.invoice("alice", "EUR",
                TaxRate.percent("20"), new InvoiceLine("Premium", 1, Money.of(1000, "EUR"))),
                Instant.parse("2026-11-21T00:00:00Z"), null);

        JournalEntry entry = invoice.journalEntry();

        assertThat(entry.reference()).isEqualTo("invoice:HW-2026-000042");
        assertThat(entry.postings()).containsExactly(
                new Posting(LedgerAccount.receivable("alice"), Money.of(1200, "EUR")),
                new Posting(LedgerAccount.REVENUE, Money.of(-1000, "EUR")),
                new Posting(LedgerAccount.TAX, Money.of(-200, "EUR")));
        assertThat(invoice.outstanding()).isTrue();
    }

    @Test
    void lines_must_match_the_invoice_currency_and_kind() {
        assertThatThrownBy(() -> InvoiceDraft.invoice("alice", "EUR", TaxRate.NONE,
                new InvoiceLine("x", 1, Money.of(100, "USD"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("lines[0].unitPrice is in USD");
        assertThatThrownBy(() -> InvoiceDraft.invoice("alice", "EUR", TaxRate.NONE,
                new InvoiceLine("x", 1, Money.of(-100, "EUR")))).hasMessageContaining("invoice lines are positive");
        assertThatThrownBy(() -> InvoiceDraft.invoice("alice", "EUR", TaxRate.NONE,
                new InvoiceLine("x", 1, Money.of(0, "EUR")))).hasMessageContaining("positive");
        assertThatThrownBy(() -> new InvoiceDraft(InvoiceKind.CREDIT_NOTE, "alice", "EUR",
                List.of(new InvoiceLine("refund", 1, Money.of(-100, "EUR"))), TaxRate.NONE, null))
                .hasMessageContaining("names the invoice it corrects");
    }

    @Test
    void numbers_print_and_parse() {
        assertThat(InvoiceNumber.parse("HW-2026-000042")).isEqualTo(new InvoiceNumber("HW", 2026, 42));
        assertThat(new InvoiceNumber("CN", 2027, 1234567)).hasToString("CN-2027-1234567");
        assertThatThrownBy(() -> InvoiceNumber.parse("HW-2026-42")).hasMessageContaining("HW-2026-000042");
    }
}
