package headwater.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of token key rotation, pure: which stored key signs, which are accepted, which may be purged, and the
 * next key id. Every node applies them to the same stored keys, so they agree without talking to each other.
 *
 * <ul>
 * <li>A rotation makes key {@code n+1} at {@code T} and retires the current key at {@code T + propagation}. The new
 *     key is accepted at once by every node that has reloaded the keys (they reload every few seconds), but signs only
 *     from {@code T + propagation}: by then every node accepts its tokens, so a viewer moved to another node behind
 *     the load balancer never holds a token that node does not know yet.</li>
 * <li>The signing key is the newest key that is not retired and whose {@code created + propagation} has passed; when
 *     no key has passed it (a first start), the oldest key that is not retired.</li>
 * <li>A retired key stays accepted until {@code retired + lifetime}: a token signed before it retired expires by
 *     then, since a session lasts at most {@code lifetime}. Then it can be purged.</li>
 * <li>Key ids are a counter in lower-case hex, one more than the highest stored id: short (they are in every URL),
 *     ordered, and never reused while a token could carry them, since the signing key is never purged.</li>
 * </ul>
 *
 * @param lifetime    the longest session ({@code sessions.lifetime}): how long a token can be alive
 * @param propagation how long a new key is accepted before it signs: longer than the nodes' reload interval plus the
 *                    clock skew between nodes
 */
public record KeyRotation(Duration lifetime, Duration propagation) {

    /** The default {@link #propagation}: six reloads of {@code TokenKeys}' five seconds. */
    public static final Duration DEFAULT_PROPAGATION = Duration.ofSeconds(30);
    private static final long MAX_ID = 0xffff_ffffL;

    public KeyRotation {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(propagation, "propagation");
        if (lifetime.isNegative() || lifetime.isZero() || propagation.isNegative()) {
            throw new IllegalArgumentException("a key rotation needs a positive lifetime and a propagation of zero"
                    + " or more, got " + lifetime + " and " + propagation);
        }
    }

    /** The key that signs at {@code now}, or empty when every key is retired (or there is none). */
    public Optional<SigningKey> signing(List<SigningKey> keys, Instant now) {
        List<SigningKey> current = keys.stream().filter(k -> !k.retiredAt(now))
                .sorted(Comparator.comparingLong(SigningKey::number)).toList();
        for (int i = current.size() - 1; i >= 0; i--) {
            if (!current.get(i).created().plus(propagation).isAfter(now)) {
                return Optional.of(current.get(i));
            }
        }
        return current.stream().findFirst();
    }

    /** The keys whose tokens verify at {@code now}: not retired, or retired less than {@link #lifetime} ago. */
    public List<SigningKey> accepted(List<SigningKey> keys, Instant now) {
        List<SigningKey> accepted = new ArrayList<>();
        for (SigningKey key : keys) {
            if (key.retired() == null || now.isBefore(key.retired().plus(lifetime))) {
                accepted.add(key);
            }
        }
        return List.copyOf(accepted);
    }

    /** Keys retired before this instant can be purged at {@code now}. */
    public Instant purgeBefore(Instant now) {
        return now.minus(lifetime);
    }

    /** When a key that a rotation at {@code now} replaces stops signing. */
    public Instant retirement(Instant now) {
        return now.plus(propagation);
    }

    /**
     * The id for a new key: one more than the highest stored id, in hex ("1" for the first).
     *
     * @throws IllegalStateException the counter is at ffffffff (four billion rotations)
     */
    public static String nextId(List<SigningKey> keys) {
        long highest = keys.stream().mapToLong(SigningKey::number).max().orElse(0);
        if (highest >= MAX_ID) {
            throw new IllegalStateException("token key ids are used up: the highest is " + Long.toHexString(highest));
        }
        return Long.toHexString(highest + 1);
    }
}
