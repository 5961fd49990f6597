package headwater.api.xtream;

import headwater.domain.xtream.XtreamIds;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** XtreamIds in memory for the tests: numbers from 1 in the order asked, unique across kinds. */
final class MemoryXtreamIds implements XtreamIds {

    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<Integer, String> keys = new HashMap<>();
    private int next = 1;

    @Override
    public synchronized Map<String, Integer> numbers(Kind kind, Collection<String> ids) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String id : ids) {
            found.put(id, numbers.computeIfAbsent(kind + "/" + id, key -> {
                keys.put(next, key);
                return next++;
            }));
        }
        return found;
    }

    @Override
    public synchronized Optional<String> id(Kind kind, int number) {
        String key = keys.get(number);
        String prefix = kind + "/";
        return key != null && key.startsWith(prefix) ? Optional.of(key.substring(prefix.length())) : Optional.empty();
    }
}
