package headwater.domain.protect;

import java.util.function.UnaryOperator;

/** Rewrites the values of a {@link SealedColumn} row by row (sealing at start, re-sealing on rotation). Blocking. */
public interface SealedColumnStore {

    /**
     * Passes every non-null value of {@code column} through {@code change} and stores the result where it differs.
     * A row changed meanwhile by someone else keeps their value (the update is conditional on the value read).
     *
     * @return how many rows were rewritten
     */
    int rewrite(SealedColumn column, UnaryOperator<String> change);
}
