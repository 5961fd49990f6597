package headwater.domain.billing;

import java.util.List;
import java.util.Map;

/**
 * The proof that the books balance.
 *
 * @param entries   how many journal entries were checked
 * @param postings  how many postings
 * @param totals    per currency, the sum of all postings (zero when balanced)
 * @param problems  every discrepancy found, in words: an unbalanced currency, an entry whose postings do not sum to
 *                  zero, a kept balance that differs from the sum of its postings; empty when the books balance
 */
public record TrialBalance(long entries, long postings, Map<String, Long> totals, List<String> problems) {

    public TrialBalance {
        totals = Map.copyOf(totals);
        problems = List.copyOf(problems);
    }

    public boolean balanced() {
        return problems.isEmpty();
    }
}
