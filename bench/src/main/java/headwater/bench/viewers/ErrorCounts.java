package headwater.bench.viewers;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed requests by kind, such as "segment: HTTP 403" or "playlist: I/O VertxException: Connection was closed". */
final class ErrorCounts {

    private static final int MAX_MESSAGE = 80;
    private final ConcurrentHashMap<String, LongAdder> byKind = new ConcurrentHashMap<>();

    void status(String what, int status) {
        count(what + ": HTTP " + status);
    }

    void failure(String what, Throwable failure) {
        String message = String.valueOf(failure.getMessage());
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

    Map<String, Long> sorted() {
        Map<String, Long> out = new TreeMap<>();
        byKind.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
