package headwater.domain.m3u;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Ordered {@code name=value} pairs (the attributes of an {@code #EXTM3U} or {@code #EXTINF} line, the
 * {@code #EXTVLCOPT} options, the {@code #KODIPROP} properties, the HTTP headers of a URL's {@code |} suffix).
 * Names keep their case; lookups ignore it, and no two pairs share a name ignoring case. Equality includes the
 * order, so a round trip that reorders attributes is visible.
 */
public record Attributes(List<Attribute> list) {

    private static final Attributes NONE = new Attributes(List.of());

    public Attributes {
        list = List.copyOf(list);
        if (list.size() > 1) {
            var seen = new HashSet<String>();
            for (Attribute attribute : list) {
                if (!seen.add(fold(attribute.name()))) {
                    throw new IllegalArgumentException("attribute \"" + attribute.name() + "\" is given twice");
                }
            }
        }
    }

    public static Attributes none() {
        return NONE;
    }

    /** Pairs from alternating names and values: {@code of("tvg-id", "bbc1.uk", "tvg-name", "BBC One")}. */
    public static Attributes of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs, got " + namesAndValues.length + " strings");
        }
        var pairs = new ArrayList<Attribute>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(new Attribute(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Attributes(pairs);
    }

    public static Attributes of(Map<String, String> map) {
        var pairs = new ArrayList<Attribute>();
        map.forEach((name, value) -> pairs.add(new Attribute(name, value)));
        return new Attributes(pairs);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** The value of the pair whose name equals {@code name} ignoring case. */
    public Optional<String> get(String name) {
        String wanted = fold(name);
        for (Attribute attribute : list) {
            if (fold(attribute.name()).equals(wanted)) {
                return Optional.of(attribute.value());
            }
        }
        return Optional.empty();
    }

    /** The value with surrounding white space removed, absent if missing or blank. */
    public Optional<String> text(String name) {
        return get(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** A decimal value ({@code tvg-shift="-4.5"}); absent if missing or not a finite number. */
    public Optional<Double> decimal(String name) {
        return text(name).flatMap(value -> {
            try {
                double parsed = Double.parseDouble(value.replace(',', '.'));
                return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        });
    }

    /** A whole number ({@code catchup-days="7"}); absent if missing or not an integer. */
    public OptionalInt integer(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.get()));
        } catch (NumberFormatException notAnInteger) {
            return OptionalInt.empty();
        }
    }

    /** The non-blank items of a separated list ({@code group-title="News;Sport"}), in order, stripped, without repeats. */
    public List<String> items(String name, String separator) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return List.of();
        }
        var items = new LinkedHashSet<String>();
        for (String item : value.get().split(Pattern.quote(separator), -1)) {
            String stripped = item.strip();
            if (!stripped.isEmpty()) {
                items.add(stripped);
            }
        }
        return List.copyOf(items);
    }

    /** An insertion-ordered, unmodifiable map view (names as written). */
    public Map<String, String> asMap() {
        var map = new LinkedHashMap<String, String>();
        list.forEach(attribute -> map.put(attribute.name(), attribute.value()));
        return Collections.unmodifiableMap(map);
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
