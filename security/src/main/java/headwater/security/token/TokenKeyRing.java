package headwater.security.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The keys in force at one moment: the one that signs new tokens, and every key whose tokens are still accepted (the
 * signing key, keys made but not yet signing, and retired keys until their tokens can no longer be alive). Immutable;
 * rotation builds a new ring and swaps it in (see {@link PlaybackTokens}'s supplier).
 *
 * <p>Each key carries one {@link javax.crypto.Mac} per thread, made on the thread's first use, so that checking a
 * token on an event loop neither locks nor allocates a Mac. Make a new ring only when the keys change.
 */
public final class TokenKeyRing {

    private final TokenKey signing;
    private final Entry[] accepted;

    /**
     * @param signing  the key new tokens are signed with; accepted too, whether or not it is in {@code accepted}
     * @param accepted the keys whose tokens verify; ids must be distinct
     * @throws IllegalArgumentException two different keys have the same id
     */
    public TokenKeyRing(TokenKey signing, Collection<TokenKey> accepted) {
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(accepted, "accepted");
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(signing));
        for (TokenKey key : accepted) {
            Objects.requireNonNull(key, "accepted key");
            Entry same = null;
            for (Entry entry : entries) {
                if (entry.key.id().equals(key.id())) {
                    same = entry;
                }
            }
            if (same == null) {
                entries.add(new Entry(key));
            } else if (!same.key.equals(key)) {
                throw new IllegalArgumentException("two different token keys have the id " + key.id());
            }
        }
        this.signing = signing;
        this.accepted = entries.toArray(Entry[]::new);
    }

    /** A ring of one key, signing and accepted. */
    public static TokenKeyRing of(TokenKey key) {
        return new TokenKeyRing(key, List.of(key));
    }

    public TokenKey signing() {
        return signing;
    }

    /** The accepted keys, the signing key first. */
    public List<TokenKey> accepted() {
        List<TokenKey> keys = new ArrayList<>(accepted.length);
        for (Entry entry : accepted) {
            keys.add(entry.key);
        }
        return List.copyOf(keys);
    }

    /** The accepted key whose id is {@code text[from, to)}, or null. Key ids are not secret. */
    Entry find(CharSequence text, int from, int to) {
        for (Entry entry : accepted) {
            String id = entry.key.id();
            if (id.length() == to - from && regionEquals(id, text, from)) {
                return entry;
            }
        }
        return null;
    }

    Entry signingEntry() {
        return accepted[0];
    }

    private static boolean regionEquals(String id, CharSequence text, int from) {
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) != text.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder ids = new StringBuilder();
        for (Entry entry : accepted) {
            ids.append(ids.isEmpty() ? "" : ", ").append(entry.key.id());
        }
        return "TokenKeyRing[signing=" + signing.id() + ", accepted=" + ids + "]";
    }

    /** A key and its per-thread MACs. */
    static final class Entry {

        final TokenKey key;
        private final ThreadLocal<TokenMac> macs;

        private Entry(TokenKey key) {
            this.key = key;
            this.macs = ThreadLocal.withInitial(() -> new TokenMac(key));
        }

        TokenMac mac() {
            return macs.get();
        }
    }
}
