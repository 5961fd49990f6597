package headwater.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystemException;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An archive window as one continuous MPEG-TS over a chunked response: the window's segment files one after the
 * other, from the one holding the window's start (it begins with a keyframe, PAT and PMT) to the last one that starts
 * before the window's end. Each file is piped with the connection's backpressure; bytes are counted to the session
 * per file.
 *
 * <p>A window that reaches past now grows while it is played: when the known segments are sent, the catalog is asked
 * again every second for newer ones, until the window is over (plus a grace for its last segment to be published) or
 * nothing new arrived for {@link #MAX_IDLE} (the channel is not recording). A segment file that retention deleted
 * meanwhile is skipped; the session ending ends the stream at the next file.
 *
 * <p>An encrypted segment (AES-128, {@link ArchivedSegment#keyId()}) is read and decrypted on a worker thread with the
 * catalog's key and written in the clear: a continuous MPEG-TS is not HLS and its players know no keys. A segment
 * whose key is no longer kept is skipped like a deleted one.
 */
final class WindowStream {

    private static final Logger LOG = LoggerFactory.getLogger(WindowStream.class);
    private static final long POLL_MILLIS = 1_000;
    /** How long after the window's end its last segment may still be published. */
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration MAX_IDLE = Duration.ofSeconds(30);
    private static final int READ_BUFFER = 64 * 1024;
    private static final OpenOptions READ_ONLY = new OpenOptions().setRead(true).setWrite(false).setCreate(false);

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Route.Archive route;
    private final ArchiveCatalog catalog;
    private final Clock clock;
    private final Viewer viewer;
    private final List<ArchivedSegment> pending;
    private int next;
    private ArchivedSegment last;
    private long idleSince;
    private boolean closed;
    private AsyncFile current;

    private WindowStream(Vertx vertx, HttpServerRequest request, Route.Archive route, List<ArchivedSegment> window,
                         ArchiveCatalog catalog, Clock clock, Viewer viewer) {
        this.vertx = vertx;
        this.request = request;
        this.response = request.response();
        this.route = route;
        this.catalog = catalog;
        this.clock = clock;
        this.viewer = viewer;
        this.pending = new ArrayList<>(window);
        this.idleSince = clock.millis();
    }

    /**
     * Sends the headers and starts the stream; for HEAD, only the headers.
     *
     * @param window  the window's segments, not empty
     * @param logOnce the access log's action, run when the connection closes early
     */
    static void start(Vertx vertx, HttpServerRequest request, Route.Archive route, List<ArchivedSegment> window,
                      ArchiveCatalog catalog, Clock clock, Viewer viewer, Runnable logOnce) {
        HttpServerResponse response = request.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.TS_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_STORE)
                .setStatusCode(200)
                .setChunked(true);
        if (request.method() == HttpMethod.HEAD) {
            viewer.served(0);
            response.end();
            return;
        }
        WindowStream stream = new WindowStream(vertx, request, route, window, catalog, clock, viewer);
        response.closeHandler(v -> {
            stream.disconnected();
            logOnce.run();
        });
        stream.advance();
    }

    /** On the event loop: the next file, a poll for more, or the end. */
    private void advance() {
        if (closed || response.closed()) {
            return;
        }
        if (viewer.ended()) {
            LOG.info("session of viewer {} of the archive of channel {} ended: closing its stream",
                    request.remoteAddress(), route.channel());
            finish();
            return;
        }
        if (next < pending.size()) {
            send(pending.get(next++));
            return;
        }
        poll();
    }

    private void send(ArchivedSegment segment) {
        last = segment;
        if (segment.encrypted()) {
            sendDecrypted(segment);
            return;
        }
        // Read only, and never create: Vert.x's OpenOptions create a missing file by default.
        vertx.fileSystem().open(segment.file().toAbsolutePath().toString(), READ_ONLY)
                .onComplete(opened -> {
                    if (opened.failed()) {
                        if (isMissing(opened.cause())) {
                            LOG.debug("archived segment {} of channel {} was deleted before it was sent",
                                    segment.sequence(), route.channel());
                            advance();
                        } else {
                            LOG.warn("cannot read archived segment {} of channel {} at {}: {}", segment.sequence(),
                                    route.channel(), segment.file(), opened.cause().toString());
                            finish();
                        }
                        return;
                    }
                    AsyncFile file = opened.result().setReadBufferSize(READ_BUFFER);
                    if (closed) {
                        file.close();
                        return;
                    }
                    current = file;
                    long before = response.bytesWritten();
                    file.pipe().endOnComplete(false).to(response).onComplete(sent -> {
                        current = null;
                        file.close();
                        viewer.served(Math.max(0, response.bytesWritten() - before));
                        if (sent.succeeded()) {
                            idleSince = clock.millis();
                            advance();
                        } else if (!closed) {
                            LOG.debug("archive stream of channel {} stopped: {}", route.channel(),
                                    sent.cause().toString());
                            request.connection().close();
                        }
                    });
                });
    }

    /** Reads, decrypts and writes one encrypted segment, then goes on once the connection drained. */
    private void sendDecrypted(ArchivedSegment segment) {
        vertx.executeBlocking(() -> {
            byte[] key = catalog.key(route.channel(), segment.keyId()).orElse(null);
            if (key == null) {
                LOG.warn("archived segment {} of channel {} is skipped: its key {} is no longer kept",
                        segment.sequence(), route.channel(), segment.keyId());
                return null;
            }
            try {
                return Buffer.buffer(ArchiveDecryption.decrypt(key, segment.iv(), Files.readAllBytes(segment.file())));
            } catch (NoSuchFileException e) {
                return null;
            }
        }, false).onComplete(done -> {
            if (closed || response.closed()) {
                return;
            }
            if (done.failed()) {
                LOG.warn("cannot decrypt archived segment {} of channel {} at {}: {}", segment.sequence(),
                        route.channel(), segment.file(), done.cause().toString());
                finish();
                return;
            }
            Buffer clear = done.result();
            if (clear == null) {
                advance();
                return;
            }
            response.write(clear);
            viewer.served(clear.length());
            idleSince = clock.millis();
            if (response.writeQueueFull()) {
                response.drainHandler(v -> {
                    response.drainHandler(null);
                    advance();
                });
            } else {
                advance();
            }
        });
    }

    /** Asks the catalog for segments newer than the last one sent, while the window may still grow. */
    private void poll() {
        long now = clock.millis();
        if (last != null && !last.end().isBefore(route.to())) {
            finish(); // the last segment sent reaches the window's end
            return;
        }
        if (now >= route.to().plus(GRACE).toEpochMilli()) {
            finish(); // over, and its last segment would have been published by now
            return;
        }
        if (now - idleSince > MAX_IDLE.toMillis()) {
            LOG.info("archive stream of channel {} ends: nothing new recorded for {}", route.channel(), MAX_IDLE);
            finish();
            return;
        }
        vertx.setTimer(POLL_MILLIS, id -> {
            if (closed || response.closed()) {
                return;
            }
            ArchivedSegment after = last;
            vertx.executeBlocking(() -> catalog.window(route.channel(),
                    after == null ? route.from() : after.start(), route.to()), false).onComplete(found -> {
                        if (found.failed()) {
                            LOG.warn("archive of channel {} cannot be read: {}", route.channel(),
                                    found.cause().toString());
                            finish();
                            return;
                        }
                        for (ArchivedSegment segment : found.result() == null ? List.<ArchivedSegment>of()
                                : found.result()) {
                            if (after == null || segment.sequence() > after.sequence()) {
                                pending.add(segment);
                            }
                        }
                        advance();
                    });
        });
    }

    private static boolean isMissing(Throwable cause) {
        Throwable at = cause;
        while (at != null) {
            if (at instanceof NoSuchFileException) {
                return true;
            }
            if (at instanceof FileSystemException && at.getMessage() != null
                    && at.getMessage().contains("NoSuchFileException")) {
                return true;
            }
            at = at.getCause();
        }
        return false;
    }

    private void finish() {
        if (!closed && !response.closed() && !response.ended()) {
            closed = true;
            response.end();
        }
    }

    private void disconnected() {
        closed = true;
        AsyncFile file = current;
        if (file != null) {
            file.close();
        }
    }
}
