package headwater.domain.billing;

import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One balanced movement of money: its postings sum to zero in every currency. Entries are never changed or deleted;
 * a mistake is corrected by a reversing entry.
 *
 * @param reference   what caused it, unique in the ledger so that the same cause is never booked twice:
 *                    {@code stripe:evt_1N...}, {@code invoice:HW-2026-000001}, {@code voucher:ABCD-...}
 * @param description for people reading the ledger
 * @param postings    at least two; per currency they sum to zero
 */
public record JournalEntry(String reference, Instant at, String description, List<Posting> postings) {

    public static final int MAX_POSTINGS = 100;

    public JournalEntry {
        // Made by the system from values checked where they came in: no free-text rules (a timestamp in a reference
        // must not be mistaken for a card number).
        generated("reference", reference, 200);
        Objects.requireNonNull(at, "at");
        generated("description", description, 500);
        postings = List.copyOf(postings);
        if (postings.size() < 2 || postings.size() > MAX_POSTINGS) {
            throw new InvalidValueException("journal entry", "postings", "of " + reference + " are " + postings.size()
                    + ": an entry has 2 to " + MAX_POSTINGS);
        }
        Map<String, Long> sums = new TreeMap<>();
        for (Posting p : postings) {
            sums.merge(p.amount().currency(), p.amount().minorUnits(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new InvalidValueException("journal entry", "postings", "of " + reference + " do not balance: "
                        + currency + " debits exceed credits by " + sum + " minor units");
            }
        });
    }

    private static void generated(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("journal entry", field, "must be 1 to " + max
                    + " characters without control characters");
        }
    }

    public static JournalEntry of(String reference, Instant at, String description, Posting... postings) {
        return new JournalEntry(reference, at, description, List.of(postings));
    }
}
