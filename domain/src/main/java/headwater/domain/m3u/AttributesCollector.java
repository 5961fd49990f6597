package headwater.domain.m3u;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Collects pairs in order, keeping the first of names that repeat (ignoring case) and reporting the others. */
final class AttributesCollector {

    private final String what;
    private List<Attribute> pairs = List.of();
    private Set<String> names = Set.of();

    /** @param what how a warning names a pair: {@code attribute}, {@code #EXTVLCOPT option}, ... */
    AttributesCollector(String what) {
        this.what = what;
    }

    void add(String name, String value, Consumer<String> warn) {
        if (pairs.isEmpty()) {
            pairs = new ArrayList<>(8);
            names = new HashSet<>();
        }
        if (names.add(Attributes.fold(name))) {
            pairs.add(new Attribute(name, value));
        } else {
            warn.accept(what + " '" + name + "' is repeated; the first value is kept");
        }
    }

    boolean isEmpty() {
        return pairs.isEmpty();
    }

    Attributes build() {
        return pairs.isEmpty() ? Attributes.none() : new Attributes(pairs);
    }
}
