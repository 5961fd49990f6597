package headwater.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one segment: headers from the {@link SegmentFile}'s known size (no stat), byte ranges, HEAD without
 * touching the file, and the body by zero-copy {@code sendfile}. The file is opened on a worker thread so that a slow
 * disk never stalls the event loop; segments are immutable, so an open-file cache can remove that hop later.
 */
final class SegmentResponder {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentResponder.class);

    private final Vertx vertx;

    SegmentResponder(Vertx vertx) {
        this.vertx = vertx;
    }

    void respond(HttpServerRequest request, Route.Segment route, SegmentLookup lookup) {
        switch (lookup) {
            case SegmentLookup.Gone gone -> Replies.text(request, 404, gone.message() + "\n");
            case SegmentLookup.NotYet notYet -> Replies.text(request, 404, notYet.message() + "\n");
            case SegmentFile file -> serve(request, route, file);
        }
    }

    private void serve(HttpServerRequest request, Route.Segment route, SegmentFile file) {
        HttpServerResponse response = request.response();
        long size = file.size();
        // We send no validators, so any If-Range cannot match: RFC 9110 §13.1.5 then says to send the whole segment.
        ByteRange range = request.headers().contains(MediaHeaders.IF_RANGE) ? ByteRange.WHOLE
                : ByteRange.of(request.getHeader(MediaHeaders.RANGE_HEADER), size);
        if (range instanceof ByteRange.Unsatisfiable) {
            response.putHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
                    .putHeader(HttpHeaders.ACCEPT_RANGES, MediaHeaders.BYTES);
            Replies.text(request, 416, "range not satisfiable: segment has " + size + " bytes\n");
            return;
        }
        long offset = range instanceof ByteRange.Partial partial ? partial.first() : 0;
        long length = range instanceof ByteRange.Partial partial ? partial.length() : size;
        if (request.method() == HttpMethod.HEAD || length == 0) {
            successHeaders(response, range, size, length);
            response.end();
            return;
        }
        vertx.executeBlocking(() -> FileChannel.open(file.path(), StandardOpenOption.READ), false)
                .onComplete(opened -> {
                    if (opened.failed()) {
                        fileFailed(request, route, file, opened.cause());
                        return;
                    }
                    FileChannel channel = opened.result();
                    if (response.closed()) {
                        closeQuietly(channel);
                        return;
                    }
                    successHeaders(response, range, size, length);
                    response.sendFile(channel, offset, length).onComplete(sent -> {
                        closeQuietly(channel);
                        if (sent.failed()) {
                            LOG.debug("sending {} stopped: {}", file.path(), sent.cause().toString());
                        }
                    });
                });
    }

    private static void successHeaders(HttpServerResponse response, ByteRange range, long size, long length) {
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

    private static void fileFailed(HttpServerRequest request, Route.Segment route, SegmentFile file, Throwable cause) {
        if (request.response().closed()) {
            return;
        }
        if (cause instanceof NoSuchFileException) {
            // The window moved on between the lookup and the open.
            Replies.text(request, 404, "segment " + route.mediaSequence() + " of channel " + route.channel()
                    + " is gone: its file was removed\n");
            return;
        }
        LOG.warn("cannot open segment {} of channel {} at {}: {}", route.mediaSequence(), route.channel(),
                file.path(), cause.toString());
        Replies.text(request, 500, "segment " + route.mediaSequence() + " of channel " + route.channel()
                + " cannot be read\n");
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing segment file failed", e);
        }
    }
}
