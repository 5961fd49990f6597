package headwater.security.crypto;

import java.time.Instant;
import java.util.Objects;

/**
 * A data key as it is stored: wrapped under the master key.
 *
 * @param id      short random id, named in every value sealed under the key
 * @param wrapped {@code iv || encrypted key || tag} under the master key, bound to the id
 * @param created when it was made
 * @param retired when a newer key replaced it for sealing; {@code null} while it seals. A retired key still opens.
 */
public record WrappedKey(String id, byte[] wrapped, Instant created, Instant retired) {

    public WrappedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(wrapped, "wrapped");
        Objects.requireNonNull(created, "created");
        if (!SealedText.isKeyId(id)) {
            throw new IllegalArgumentException("a data key id is 1 to 32 of A-Z a-z 0-9 _ -");
        }
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey that && id.equals(that.id) && java.util.Arrays.equals(wrapped, that.wrapped)
                && created.equals(that.created) && Objects.equals(retired, that.retired);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "WrappedKey[" + id + ", created " + created + (retired == null ? "" : ", retired " + retired) + "]";
    }
}
