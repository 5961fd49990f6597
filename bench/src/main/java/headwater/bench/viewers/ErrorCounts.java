package headwater.bench.viewers;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/** Failed requests by kind, such as "segment: HTTP 403" or "playlist: I/O VertxException: Connection was closed". */
final class ErrorCounts {

    private static final int MAX_MESSAGE = 100;
    private static final Pattern TOKEN = Pattern.compile("/s/[^/\\s]+");
    private final ConcurrentHashMap<String, LongAdder> byKind = new ConcurrentHashMap<>();

    void status(String what, int status) {
        count(what + ": HTTP " + status);
    }

    /**
     * Counts a failure by its class and message, without the parts that differ from request to request (the URI, with
     * its token, which must not be printed either), so that failures of one kind count together.
     */
    void failure(String what, Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int uri = message.indexOf(" while executing ");
        if (uri >= 0) {
            message = message.substring(0, uri);
        }
        message = TOKEN.matcher(message).replaceAll("/s/{token}");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        count(what + ": I/O " + failure.getClass().getSimpleName() + ": " + message);
    }

    void count(String kind) {
        byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long total() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The {@code most} most frequent kinds, most frequent first (then by name). */
    Map<String, Long> mostFrequent(int most) {
        Map<String, Long> all = new TreeMap<>();
        byKind.forEach((k, v) -> all.put(k, v.sum()));
        Map<String, Long> out = new LinkedHashMap<>();
        all.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(most)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    int kinds() {
        return byKind.size();
    }
}
