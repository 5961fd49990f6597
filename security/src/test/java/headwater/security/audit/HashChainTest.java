package headwater.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {

    private static List<ChainEntry> chain(int length) {
        List<ChainEntry> entries = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (long seq = 1; seq <= length; seq++) {
            List<String> fields = Arrays.asList("2026-11-21T20:00:0" + seq + "Z", "operator", "admin", "login.ok", null);
            String hash = HashChain.link(previous, seq, fields);
            entries.add(new ChainEntry(seq, fields, previous, hash));
            previous = hash;
        }
        return entries;
    }

    private static ChainVerifier verify(List<ChainEntry> entries) {
        ChainVerifier verifier = new ChainVerifier();
        entries.forEach(verifier::accept);
        return verifier;
    }

    @Test
    void an_intact_chain_verifies_and_ends_at_its_last_hash() {
        List<ChainEntry> entries = chain(5);
        ChainVerifier verifier = verify(entries);
        assertThat(verifier.firstBreak()).isEmpty();
        assertThat(verifier.checked()).isEqualTo(5);
        assertThat(verifier.lastHash()).isEqualTo(entries.getLast().hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void an_altered_field_is_named_by_its_entry() {
        List<ChainEntry> entries = new ArrayList<>(chain(5));
        ChainEntry third = entries.get(2);
        List<String> altered = new ArrayList<>(third.fields());
        altered.set(2, "someone-else");
        entries.set(2, new ChainEntry(3, altered, third.previousHash(), third.hash()));

        assertThat(verify(entries).firstBreak()).contains(new ChainBreak(3, "its hash does not match its content (altered)"));
    }

    @Test
    void an_entry_rehashed_after_alteration_breaks_the_next_link() {
        List<ChainEntry> entries = new ArrayList<>(chain(5));
        ChainEntry third = entries.get(2);
        List<String> altered = new ArrayList<>(third.fields());
        altered.set(3, "login.failed");
        entries.set(2, new ChainEntry(3, altered, third.previousHash(),
                HashChain.link(third.previousHash(), 3, altered)));

        assertThat(verify(entries).firstBreak()).map(ChainBreak::seq).contains(4L);
    }

    @Test
    void a_removed_entry_is_a_gap_and_a_removed_tail_is_not_seen_without_a_head() {
        List<ChainEntry> entries = new ArrayList<>(chain(5));
        entries.remove(1);
        assertThat(verify(entries).firstBreak()).contains(new ChainBreak(2, "entries 2 to 2 are missing"));

        assertThat(verify(chain(5).subList(0, 3)).firstBreak()).isEmpty();
    }

    @Test
    void null_empty_and_separator_laden_fields_encode_apart() {
        assertThat(HashChain.link(HashChain.GENESIS, 1, Arrays.asList("a", null)))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, 1, Arrays.asList("a", "")))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, 1, Arrays.asList("a\n-:", null)));
        assertThat(HashChain.link(HashChain.GENESIS, 1, List.of("ab", "c")))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, 1, List.of("a", "bc")));
    }
}
