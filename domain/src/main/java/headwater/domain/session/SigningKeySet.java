package headwater.domain.session;

import java.util.List;
import java.util.Objects;

/**
 * The stored keys in force at one moment, by {@link KeyRotation}'s rules.
 *
 * @param signing  the key new tokens are signed with
 * @param accepted every key whose tokens verify, the signing key among them, oldest id first
 */
public record SigningKeySet(SigningKey signing, List<SigningKey> accepted) {

    public SigningKeySet {
        Objects.requireNonNull(signing, "signing");
        accepted = List.copyOf(accepted);
        if (!accepted.contains(signing)) {
            throw new IllegalArgumentException("the signing key " + signing.id() + " must be accepted too");
        }
    }
}
