package headwater.domain.protect;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A data key as the store keeps it: wrapped under the master key, which the store never sees.
 *
 * @param id      short id, named in every value sealed under the key
 * @param wrapped the key encrypted under the master key
 * @param created when it was made
 * @param retired when a newer key took over sealing; {@code null} while it seals (a retired key still opens)
 */
public record DataKey(String id, byte[] wrapped, Instant created, Instant retired) {

    public DataKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(wrapped, "wrapped");
        Objects.requireNonNull(created, "created");
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey that && id.equals(that.id) && Arrays.equals(wrapped, that.wrapped)
                && created.equals(that.created) && Objects.equals(retired, that.retired);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataKey[" + id + ", created " + created + (retired == null ? "" : ", retired " + retired) + "]";
    }
}
