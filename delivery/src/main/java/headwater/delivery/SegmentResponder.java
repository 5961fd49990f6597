package headwater.delivery;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.file.NoSuchFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one segment: headers from the {@link SegmentFile}'s known size (no stat), byte ranges, HEAD without
 * touching the file, and the body by zero-copy {@code sendfile} from the event loop's {@link OpenSegments}, so the
 * hot path neither opens a file nor leaves the event loop; only a miss opens the file on a worker thread.
 */
final class SegmentResponder {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentResponder.class);

    private final OpenSegments files;

    SegmentResponder(OpenSegments files) {
        this.files = files;
    }

    /**
     * @param sequence the segment's media sequence, for messages
     * @param channel  the channel served (the viewer's rendition, or the archived channel), for messages
     */
    void respond(HttpServerRequest request, long sequence, String channel, SegmentLookup lookup, Viewer viewer) {
        switch (lookup) {
            case SegmentLookup.Gone gone -> {
                viewer.served(0);
                Replies.text(request, 404, gone.message() + "\n");
            }
            case SegmentLookup.NotYet notYet -> {
                viewer.served(0);
                Replies.text(request, 404, notYet.message() + "\n");
            }
            case SegmentFile file -> serve(request, sequence, channel, file, viewer);
        }
    }

    private void serve(HttpServerRequest request, long sequence, String channel, SegmentFile file,
                       Viewer viewer) {
        HttpServerResponse response = request.response();
        long size = file.size();
        // We send no validators, so any If-Range cannot match: RFC 9110 §13.1.5 then says to send the whole segment.
        ByteRange range = request.headers().contains(MediaHeaders.IF_RANGE) ? ByteRange.WHOLE
                : ByteRange.of(request.getHeader(MediaHeaders.RANGE_HEADER), size);
        if (range instanceof ByteRange.Unsatisfiable) {
            viewer.served(0);
            response.putHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
                    .putHeader(HttpHeaders.ACCEPT_RANGES, MediaHeaders.BYTES);
            Replies.text(request, 416, "range not satisfiable: segment has " + size + " bytes\n");
            return;
        }
        if (request.method() == HttpMethod.HEAD || size == 0) {
            viewer.served(0);
            successHeaders(response, range, size);
            response.end();
            return;
        }
        OpenSegments.Entry cached = files.cached(file, System.nanoTime());
        if (cached != null) {
            send(request, cached, range, size, viewer);
            return;
        }
        files.open(file).onComplete(opened -> {
            if (opened.failed()) {
                fileFailed(request, sequence, channel, file, opened.cause());
                return;
            }
            OpenSegments.Entry entry = opened.result();
            if (response.closed()) {
                entry.release();
                return;
            }
            send(request, entry, range, size, viewer);
        });
    }

    private static void send(HttpServerRequest request, OpenSegments.Entry file, ByteRange range, long size,
                             Viewer viewer) {
        HttpServerResponse response = request.response();
        long offset = range instanceof ByteRange.Partial partial ? partial.first() : 0;
        long length = range instanceof ByteRange.Partial partial ? partial.length() : size;
        io.netty.channel.Channel corked = null;
        try {
            successHeaders(response, range, size);
            corked = Cork.on(request);
            io.netty.channel.Channel uncork = corked;
            response.sendFile(file.channel(), offset, length).onComplete(sent -> {
                Cork.off(uncork);
                file.release();
                if (sent.succeeded()) {
                    viewer.served(length);
                } else {
                    // Cut short (client gone, timeout): how much reached the socket is unknown, so none is counted.
                    viewer.served(0);
                    LOG.debug("sending segment stopped: {}", sent.cause().toString());
                }
            });
        } catch (RuntimeException e) {
            Cork.off(corked);
            file.release();
            throw e;
        }
    }

    private static void successHeaders(HttpServerResponse response, ByteRange range, long size) {
        long length = range instanceof ByteRange.Partial partial ? partial.length() : size;
        response.putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.TS_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.IMMUTABLE)
                .putHeader(HttpHeaders.ACCEPT_RANGES, MediaHeaders.BYTES)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
        if (range instanceof ByteRange.Partial partial) {
            response.setStatusCode(206)
                    .putHeader(HttpHeaders.CONTENT_RANGE,
                            "bytes " + partial.first() + "-" + partial.last() + "/" + size);
        } else {
            response.setStatusCode(200);
        }
    }

    private static void fileFailed(HttpServerRequest request, long sequence, String channel, SegmentFile file,
                                   Throwable cause) {
        if (request.response().closed()) {
            return;
        }
        if (cause instanceof NoSuchFileException) {
            // The window moved on between the lookup and the open.
            Replies.text(request, 404, "segment " + sequence + " of channel " + channel
                    + " is gone: its file was removed\n");
            return;
        }
        LOG.warn("cannot open segment {} of channel {} at {}: {}", sequence, channel,
                file.path(), cause.toString());
        Replies.text(request, 500, "segment " + sequence + " of channel " + channel
                + " cannot be read\n");
    }
}
