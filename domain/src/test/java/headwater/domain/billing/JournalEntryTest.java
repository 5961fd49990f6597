package headwater.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final LedgerAccount STRIPE = LedgerAccount.clearing("stripe");

    @Test
    void an_entry_balances_in_every_currency() {
        JournalEntry entry = JournalEntry.of("stripe:evt_1", AT, "payment",
                Posting.debit(STRIPE, Money.of(1200, "EUR")),
                Posting.credit(LedgerAccount.REVENUE, Money.of(1000, "EUR")),
                Posting.credit(LedgerAccount.TAX, Money.of(200, "EUR")));

        assertThat(entry.postings()).extracting(p -> p.amount().minorUnits()).containsExactly(1200L, -1000L, -200L);
    }

    @Test
    void an_unbalanced_entry_is_refused_with_the_difference() {
        assertThatThrownBy(() -> JournalEntry.of("x", AT, "typo",
                Posting.debit(STRIPE, Money.of(1200, "EUR")),
                Posting.credit(LedgerAccount.REVENUE, Money.of(1000, "EUR"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("EUR debits exceed credits by 200");
    }

    @Test
    void currencies_do_not_offset_each_other() {
        assertThatThrownBy(() -> JournalEntry.of("x", AT, "mixed",
                Posting.debit(STRIPE, Money.of(1000, "EUR")),
                Posting.credit(LedgerAccount.REVENUE, Money.of(1000, "USD"))))
                .hasMessageContaining("do not balance");
    }

    @Test
    void zero_negative_and_single_postings_are_refused() {
        assertThatThrownBy(() -> Posting.debit(STRIPE, Money.of(0, "EUR"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> Posting.credit(STRIPE, Money.of(-5, "EUR"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> new JournalEntry("x", AT, "alone",
                List.of(Posting.debit(STRIPE, Money.of(5, "EUR"))))).hasMessageContaining("2 to 100");
    }

    @Test
    void account_codes_are_checked() {
        assertThat(LedgerAccount.receivable("alice").code()).isEqualTo("receivable:alice");
        assertThatThrownBy(() -> LedgerAccount.receivable("../etc")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new LedgerAccount("Revenue; DROP", AccountType.INCOME))
                .hasMessageContaining("not an account code");
    }
}
