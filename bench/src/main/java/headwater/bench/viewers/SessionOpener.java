package headwater.bench.viewers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the viewers' playback sessions through the admin API ({@code POST /api/v1/sessions}), a few at a time.
 * Viewer {@code v} (from 0) belongs to subscriber {@code bench-(v / perSubscriber + 1)} and is device
 * {@code viewer-v}.
 *
 * @param bodyTemplate the request body with three {@code %s}: subscriber id, channel id, device key
 */
record SessionOpener(URI api, String adminKey, String bodyTemplate, String channel, int perSubscriber,
                     int concurrency) {

    private static final Pattern TOKEN_FIELD = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN_PATH = Pattern.compile("/s/([^/\"]+)/");

    /** The tokens of viewers 0..count-1, in order; throws naming the first refusal. */
    List<String> open(int count) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Semaphore permits = new Semaphore(concurrency);
        List<Future<String>> pending = new ArrayList<>(count);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int v = 0; v < count; v++) {
                int viewer = v;
                permits.acquire();
                pending.add(threads.submit(() -> {
                    try {
                        return openOne(http, viewer);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<String> tokens = new ArrayList<>(count);
        for (Future<String> f : pending) {
            try {
                tokens.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
        return tokens;
    }

    private String openOne(HttpClient http, int viewer) throws IOException, InterruptedException {
        String subscriber = "bench-" + (viewer / perSubscriber + 1);
        String body = String.format(Locale.ROOT, bodyTemplate, subscriber, channel, "viewer-" + viewer);
        HttpRequest request = HttpRequest.newBuilder(api.resolve("sessions"))
                .header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() / 100 != 2) {
            throw new IllegalStateException("session of viewer " + viewer + " (" + subscriber + ") refused: HTTP "
                    + reply.statusCode() + " " + abbreviate(reply.body()));
        }
        Matcher m = TOKEN_FIELD.matcher(reply.body());
        if (m.find()) {
            return m.group(1);
        }
        m = TOKEN_PATH.matcher(reply.body());
        if (m.find()) {
            return m.group(1);
        }
        throw new IllegalStateException("no token in the session reply: " + abbreviate(reply.body()));
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
