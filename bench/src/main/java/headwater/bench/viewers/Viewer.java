package headwater.bench.viewers;

import headwater.media.hls.MediaPlaylist;
import headwater.media.hls.PlaylistParseException;
import headwater.media.hls.PlaylistParser;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One simulated HLS viewer on its own keep-alive connection (reopened when the server closes it): every target
 * duration it fetches the media playlist, picks the oldest listed segment newer than the last one it fetched (the
 * newest listed on its first cycle), and reads that segment whole. A playlist with nothing new is fetched again half a
 * target duration later, as players do. Everything runs on the viewer's own event-loop context.
 */
final class Viewer {

    private static final PlaylistParser PARSER = new PlaylistParser();

    private final Vertx vertx;
    private final Context context;
    private final HttpClientAgent client;
    private final HttpConnectOptions server;
    private final String directory;
    private final long endNanos;
    private final long settledNanos;
    private final long requestTimeoutMillis;
    private final ErrorCounts errors;
    private final CountDownLatch finished;
    private HttpClientConnection connection;
    private long lastFetched = -1;
    private long periodNanos = TimeUnit.SECONDS.toNanos(4);
    private long cycleStart;

    /**
     * @param directory    the channel's path with the token, ending in '/': {@code /s/{token}/live/{channel}/}
     * @param settledNanos from this {@link System#nanoTime} on, first-byte times also count as settled ones
     */
    Viewer(Vertx vertx, HttpClientAgent client, HttpConnectOptions server, String directory, long endNanos,
           long settledNanos, long requestTimeoutMillis, ErrorCounts errors, CountDownLatch finished) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = client;
        this.server = server;
        this.directory = directory;
        this.endNanos = endNanos;
        this.settledNanos = settledNanos;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.errors = errors;
        this.finished = finished;
    }

    void start(long delayMillis) {
        context.runOnContext(v -> vertx.setTimer(Math.max(1, delayMillis), t -> cycle()));
    }

    private void cycle() {
        if (System.nanoTime() >= endNanos) {
            if (connection != null) {
                connection.close();
            }
            finished.countDown();
            return;
        }
        cycleStart = System.nanoTime();
        withConnection(this::fetchPlaylist);
    }

    private void withConnection(Handler<HttpClientConnection> then) {
        if (connection != null) {
            then.handle(connection);
            return;
        }
        client.connect(server).onComplete(ar -> {
            if (ar.failed()) {
                errors.failure("connect", ar.cause());
                nextCycle();
                return;
            }
            HttpClientConnection c = ar.result();
            LoopStats.ofThisThread().connections++;
            connection = c;
            c.closeHandler(v -> {
                if (connection == c) {
                    connection = null;
                }
            });
            then.handle(c);
        });
    }

    private void fetchPlaylist(HttpClientConnection c) {
        send(c, "playlist", directory + "media.m3u8", (response, sent) -> {
            LoopStats.ofThisThread().playlists++;
            response.body().onComplete(body -> {
                if (body.failed()) {
                    failed("playlist", body.cause());
                } else if (response.statusCode() / 100 != 2) {
                    errors.status("playlist", response.statusCode());
                    nextCycle();
                } else {
                    choose(c, body.result());
                }
            });
        });
    }

    private void choose(HttpClientConnection c, Buffer body) {
        MediaPlaylist playlist;
        try {
            playlist = PARSER.parseMedia(body.getBytes(), null);
        } catch (PlaylistParseException | RuntimeException e) {
            errors.count("playlist: unreadable: " + e.getMessage());
            nextCycle();
            return;
        }
        periodNanos = playlist.targetDuration().toNanos();
        int listed = playlist.segments().size();
        long first = playlist.mediaSequence();
        long newest = first + listed - 1;
        if (listed == 0 || newest <= lastFetched) {
            LoopStats.ofThisThread().noNewSegment++;
            vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(periodNanos / 2)), t -> cycle());
            return;
        }
        long next = lastFetched < 0 ? newest : Math.max(lastFetched + 1, first);
        if (lastFetched >= 0 && next > lastFetched + 1) {
            LoopStats.ofThisThread().skipped += next - lastFetched - 1;
        }
        lastFetched = next;
        fetchSegment(c, directory + playlist.segments().get((int) (next - first)).uri());
    }

    private void fetchSegment(HttpClientConnection c, String uri) {
        send(c, "segment", uri, (response, sent) -> {
            LoopStats stats = LoopStats.ofThisThread();
            long[] read = {0};
            response.handler(chunk -> read[0] += chunk.length());
            response.end().onComplete(end -> {
                stats.bytes += read[0];
                if (end.failed()) {
                    failed("segment", end.cause());
                    return;
                }
                if (response.statusCode() / 100 != 2) {
                    errors.status("segment", response.statusCode());
                } else {
                    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null && Long.parseLong(length) != read[0]) {
                        errors.count("segment: body of " + read[0] + " bytes, Content-Length " + length);
                    } else {
                        stats.segments++;
                        stats.segmentWhole.add(System.nanoTime() - sent);
                    }
                }
                nextCycle();
            });
        });
    }

    /**
     * GETs {@code uri} on the connection; once the response's headers are in, records the time to first byte (also as
     * settled when sent after the start-up burst) and hands the response on with the time it was sent.
     */
    private void send(HttpClientConnection c, String what, String uri, BiConsumer<HttpClientResponse, Long> then) {
        long sent = System.nanoTime();
        c.request(get(uri)).compose(HttpClientRequest::send).onComplete(ar -> {
            if (ar.failed()) {
                failed(what, ar.cause());
                return;
            }
            long firstByte = System.nanoTime() - sent;
            LoopStats stats = LoopStats.ofThisThread();
            boolean playlist = what.equals("playlist");
            (playlist ? stats.playlistFirstByte : stats.segmentFirstByte).add(firstByte);
            if (sent >= settledNanos) {
                (playlist ? stats.playlistFirstByteSettled : stats.segmentFirstByteSettled).add(firstByte);
            }
            then.accept(ar.result(), sent);
        });
    }

    private RequestOptions get(String uri) {
        return new RequestOptions().setMethod(HttpMethod.GET).setURI(uri).setIdleTimeout(requestTimeoutMillis);
    }

    private void failed(String what, Throwable cause) {
        errors.failure(what, cause);
        if (connection != null) {
            connection.close();
            connection = null;
        }
        nextCycle();
    }

    private void nextCycle() {
        long wait = cycleStart + periodNanos - System.nanoTime();
        if (wait <= 0) {
            LoopStats.ofThisThread().lateCycles++;
            context.runOnContext(v -> cycle());
        } else {
            vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), t -> cycle());
        }
    }
}
