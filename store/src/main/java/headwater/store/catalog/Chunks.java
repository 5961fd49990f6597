package headwater.store.catalog;

import java.util.ArrayList;
import java.util.List;

/** Splits long IN lists so that no statement exceeds the databases' bound-parameter limits. */
public final class Chunks {

    public static final int SIZE = 500;

    private Chunks() {
    }

    public static <T> List<List<T>> of(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += SIZE) {
            chunks.add(values.subList(from, Math.min(values.size(), from + SIZE)));
        }
        return chunks;
    }
}
