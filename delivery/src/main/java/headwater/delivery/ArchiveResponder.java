package headwater.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves archive windows: the playlist, a segment of the window and the window as one continuous MPEG-TS. The
 * {@link ArchiveCatalog} is asked on a worker thread (a day's window is thousands of segments); segments are then
 * sent like live ones, by the event loop's {@link SegmentResponder}.
 */
final class ArchiveResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveResponder.class);

    private final Vertx vertx;
    private final ArchiveCatalog catalog;
    private final Clock clock;
    private final SegmentResponder segments;

    ArchiveResponder(Vertx vertx, ArchiveCatalog catalog, Clock clock, SegmentResponder segments) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.clock = clock;
        this.segments = segments;
    }

    void respond(HttpServerRequest request, Route.Archive route, Viewer viewer, Runnable logOnce) {
        if (route instanceof Route.ArchiveKey key) {
            vertx.executeBlocking(() -> catalog.key(key.channel(), key.keyId()), false)
                    .onComplete(found -> Replies.guarded(request, () -> {
                        if (request.response().closed() || request.response().ended()) {
                            viewer.served(0);
                            return;
                        }
                        DeliveryHandler.key(request, found.succeeded() && found.result() != null ? found.result()
                                : java.util.Optional.empty(), viewer);
                    }));
            return;
        }
        window(route).onComplete(found -> Replies.guarded(request, () -> {
            if (request.response().closed() || request.response().ended()) {
                viewer.served(0);
                return;
            }
            if (found.failed()) {
                viewer.served(0);
                LOG.warn("archive of channel {} cannot be read for {}..{}: {}", route.channel(), route.from(),
                        route.to(), found.cause().toString());
                Replies.text(request, 500, "archive of channel " + route.channel() + " cannot be read\n");
                return;
            }
            List<ArchivedSegment> window = found.result();
            if (window.isEmpty()) {
                viewer.served(0);
                Replies.text(request, 404, "nothing of channel " + route.channel() + " is archived between "
                        + route.from() + " and " + route.to() + "\n");
                return;
            }
            switch (route) {
                case Route.ArchivePlaylist ignored -> playlist(request, window, over(route), viewer);
                case Route.ArchiveSegment segment -> segment(request, segment, window, viewer);
                case Route.ArchiveKey ignored -> throw new IllegalStateException("keys are answered above");
                case Route.ArchiveStream ignored -> WindowStream.start(vertx, request, route, window, catalog, clock,
                        viewer, logOnce);
            }
        }));
    }

    private Future<List<ArchivedSegment>> window(Route.Archive route) {
        return vertx.executeBlocking(() -> {
            List<ArchivedSegment> window = catalog.window(route.channel(), route.from(), route.to());
            return window == null ? List.of() : window;
        }, false);
    }

    private boolean over(Route.Archive route) {
        return !clock.instant().isBefore(route.to());
    }

    private static void playlist(HttpServerRequest request, List<ArchivedSegment> window, boolean over, Viewer viewer) {
        Buffer body = Buffer.buffer(WindowPlaylist.render(window, over));
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.PLAYLIST_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_CACHE);
        viewer.served(request.method() == HttpMethod.HEAD ? 0 : body.length()); // before the bytes leave
        Replies.body(request, 200, body);
    }

    private void segment(HttpServerRequest request, Route.ArchiveSegment route, List<ArchivedSegment> window,
                         Viewer viewer) {
        ArchivedSegment found = find(window, route.mediaSequence());
        if (found == null) {
            viewer.served(0);
            Replies.text(request, 404, "segment " + route.mediaSequence() + " is not in the archive window of channel "
                    + route.channel() + " (" + window.getFirst().sequence() + ".." + window.getLast().sequence()
                    + ")\n");
            return;
        }
        segments.respond(request, route.mediaSequence(), route.channel(),
                new SegmentFile(found.file().toAbsolutePath(), found.sizeBytes()), viewer);
    }

    /** Binary search by sequence: the window is in sequence order. */
    static ArchivedSegment find(List<ArchivedSegment> window, long sequence) {
        int low = 0;
        int high = window.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            ArchivedSegment segment = window.get(middle);
            if (segment.sequence() < sequence) {
                low = middle + 1;
            } else if (segment.sequence() > sequence) {
                high = middle - 1;
            } else {
                return segment;
            }
        }
        return null;
    }

}
