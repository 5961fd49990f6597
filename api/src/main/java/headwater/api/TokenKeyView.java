package headwater.api;

import headwater.domain.session.KeyRotation;
import headwater.domain.session.SigningKey;
import java.time.Instant;
import java.util.List;

/**
 * A token signing key as the API shows it: id, state and times, never the secret.
 *
 * @param state {@code signing}, {@code pending} (accepted, signs from {@code signsFrom}) or {@code retired}
 */
public record TokenKeyView(String id, String state, String created, String signsFrom, String retired) {

    public static List<TokenKeyView> of(List<SigningKey> keys, KeyRotation rotation, Instant now) {
        String signing = rotation.signing(keys, now).map(SigningKey::id).orElse(null);
        return keys.stream().map(key -> {
            String state = key.id().equals(signing) ? "signing" : key.retiredAt(now) ? "retired" : "pending";
            Instant signsFrom = key.created().plus(rotation.propagation());
            if (state.equals("signing") && signsFrom.isAfter(now)) {
                signsFrom = key.created(); // a first key signs at once
            }
            return new TokenKeyView(key.id(), state, key.created().toString(), signsFrom.toString(),
                    key.retired() == null ? null : key.retired().toString());
        }).toList();
    }
}
