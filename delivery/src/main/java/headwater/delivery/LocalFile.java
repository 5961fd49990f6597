package headwater.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a film or an episode from this machine's disk: {@code Accept-Ranges: bytes}, one byte range as 206 with
 * {@code Content-Range}, 416 for a range past the end, HEAD with the headers only, and the body by zero-copy
 * {@code sendfile}. The file is looked at and opened on a worker thread; the event loop only sends. {@code ETag} and
 * {@code Last-Modified} are sent so that a player's {@code If-Range} can keep its range across requests; an
 * {@code If-Range} that matches neither gets the whole file (RFC 9110 §13.1.5).
 */
final class LocalFile {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFile.class);
    private static final CharSequence CACHE = HttpHeaders.createOptimized("private, max-age=3600");

    private LocalFile() {
    }

    /** What the worker found: the file's size and validators, the range to send and, for a body, the open file. */
    private record Opened(long size, String etag, String lastModified, ByteRange range, FileChannel channel) {
    }

    static void serve(Vertx vertx, HttpServerRequest request, Route.Vod route, VodFile.Local file, Viewer viewer) {
        String rangeHeader = request.getHeader(MediaHeaders.RANGE_HEADER);
        String ifRange = request.getHeader(MediaHeaders.IF_RANGE);
        boolean head = request.method() == HttpMethod.HEAD;
        vertx.executeBlocking(() -> open(file.path(), rangeHeader, ifRange, head), false).onComplete(result ->
                Replies.guarded(request, () -> {
            HttpServerResponse response = request.response();
            if (result.failed()) {
                viewer.served(0);
                failed(request, route, file, result.cause());
                return;
            }
            Opened opened = result.result();
            if (response.closed() || response.ended()) {
                close(opened.channel());
                viewer.served(0);
                return;
            }
            send(request, file, opened, viewer);
        }));
    }

    private static Opened open(Path path, String rangeHeader, String ifRange, boolean head) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException(path + " is not a regular file");
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified) + "\"";
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                attributes.lastModifiedTime().toInstant().atOffset(ZoneOffset.UTC));
        ByteRange range = ifRange != null && !ifRange.equals(etag) && !ifRange.equals(lastModified) ? ByteRange.WHOLE
                : ByteRange.of(rangeHeader, size);
        FileChannel channel = head || size == 0 || range instanceof ByteRange.Unsatisfiable ? null
                : FileChannel.open(path, StandardOpenOption.READ);
        return new Opened(size, etag, lastModified, range, channel);
    }

    private static void send(HttpServerRequest request, VodFile.Local file, Opened opened, Viewer viewer) {
        HttpServerResponse response = request.response();
        long size = opened.size();
        response.putHeader(HttpHeaders.ACCEPT_RANGES, MediaHeaders.BYTES)
                .putHeader(HttpHeaders.ETAG, opened.etag())
                .putHeader(HttpHeaders.LAST_MODIFIED, opened.lastModified());
        if (opened.range() instanceof ByteRange.Unsatisfiable) {
            viewer.served(0);
            response.putHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            Replies.text(request, 416, "range not satisfiable: the file has " + size + " bytes\n");
            return;
        }
        long offset = opened.range() instanceof ByteRange.Partial partial ? partial.first() : 0;
        long length = opened.range() instanceof ByteRange.Partial partial ? partial.length() : size;
        response.putHeader(HttpHeaders.CONTENT_TYPE, file.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, CACHE)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
        if (opened.range() instanceof ByteRange.Partial partial) {
            response.setStatusCode(206).putHeader(HttpHeaders.CONTENT_RANGE,
                    "bytes " + partial.first() + "-" + partial.last() + "/" + size);
        } else {
            response.setStatusCode(200);
        }
        FileChannel channel = opened.channel();
        if (channel == null) {
            viewer.served(0);
            response.end(); // HEAD, or an empty file
            return;
        }
        io.netty.channel.Channel corked = null;
        try {
            corked = Cork.on(request);
            io.netty.channel.Channel uncork = corked;
            response.sendFile(channel, offset, length).onComplete(sent -> {
                Cork.off(uncork);
                close(channel);
                viewer.served(sent.succeeded() ? length : 0); // cut short: how much arrived is unknown
                if (sent.failed()) {
                    LOG.debug("sending {} stopped: {}", file.path(), sent.cause().toString());
                }
            });
        } catch (RuntimeException e) {
            Cork.off(corked);
            close(channel);
            throw e;
        }
    }

    private static void failed(HttpServerRequest request, Route.Vod route, VodFile.Local file, Throwable cause) {
        if (request.response().closed()) {
            return;
        }
        // The operator's problem, not the viewer's: the path goes to the log only.
        LOG.warn("the file of {} cannot be served from {}: {}", route.scope(), file.path(), cause.toString());
        if (cause instanceof NoSuchFileException) {
            Replies.text(request, 404, "the media of " + route.scope() + " is missing\n");
        } else {
            Replies.text(request, 500, "the media of " + route.scope() + " cannot be read\n");
        }
    }

    private static void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a VOD file failed", e);
        }
    }
}
