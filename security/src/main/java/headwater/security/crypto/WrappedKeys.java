package headwater.security.crypto;

import java.time.Instant;
import java.util.List;

/** Where the wrapped data keys are kept (the database, through the application's wiring). */
public interface WrappedKeys {

    /** All keys, retired ones included. */
    List<WrappedKey> all();

    /** Stores a new key. */
    void add(WrappedKey key);

    /** Marks every key but {@code keepId} retired at {@code at} (those not retired already). */
    void retireAllBut(String keepId, Instant at);
}
