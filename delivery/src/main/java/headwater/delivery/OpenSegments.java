package headwater.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open-file cache of segment files for one event loop, so that the hot path sends a segment without opening it.
 *
 * <p>Segments are immutable once published, so one open {@link FileChannel} serves every request for the segment:
 * Vert.x's {@code sendFile(FileChannel, offset, length)} never closes a channel it is given (it wraps it in an
 * uncloseable file region) and sends with explicit positions ({@code sendfile(2)} with an offset, or positional
 * reads), never moving the channel's position, so concurrent sends of one channel are safe.
 *
 * <p>A miss opens the file on a worker thread (a slow disk never stalls the event loop); concurrent misses for one
 * file share that open. An entry is retired when the cache holds more than its capacity (least recently used
 * first), when it is older than the validity (so a file replaced under the same name, or deleted, is re-opened or
 * released within that time) and when the size the headend reports differs; a retired channel is closed once the
 * last send using it has finished. Everything here runs on the owning event loop; nothing is synchronised.
 */
final class OpenSegments implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSegments.class);

    private final Vertx vertx;
    private final int capacity;
    private final long validityNanos;
    private final Map<Path, Entry> open = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Path, Future<Entry>> opening = new HashMap<>();
    private boolean closed;

    /**
     * @param capacity      files kept open at most
     * @param validityNanos how long an entry is used before the file is opened again
     */
    OpenSegments(Vertx vertx, int capacity, long validityNanos) {
        this.vertx = vertx;
        this.capacity = capacity;
        this.validityNanos = validityNanos;
    }

    /**
     * @return the open file, retained (call {@link Entry#release} when its send has finished), or null on a miss
     */
    Entry cached(SegmentFile file, long nowNanos) {
        Entry entry = open.get(file.path());
        if (entry == null) {
            return null;
        }
        if (entry.size != file.size() || nowNanos - entry.openedNanos > validityNanos) {
            open.remove(file.path());
            entry.retire();
            return null;
        }
        return entry.retain();
    }

    /** Opens the file on a worker thread; the entry is retained for the caller. Fails like {@link FileChannel#open}. */
    Future<Entry> open(SegmentFile file) {
        Path path = file.path();
        // A fast open completes, and admits its entry, before the next miss of the same file is handled on this loop:
        // that miss shares the admitted entry instead of opening the file again.
        Entry admitted = cached(file, System.nanoTime());
        if (admitted != null) {
            return Future.succeededFuture(admitted);
        }
        Future<Entry> pending = opening.get(path);
        if (pending == null) {
            Future<Entry> opened = vertx.executeBlocking(() -> {
                FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
                return new Entry(path, channel, file.size(), System.nanoTime());
            }, false);
            // Registered before the completion handler: a fast open may complete it, and run the handler, at once.
            opening.put(path, opened);
            opened.onComplete(result -> {
                opening.remove(path, opened);
                if (result.succeeded()) {
                    admit(result.result());
                }
            });
            pending = opened;
        }
        return pending.map(Entry::retain);
    }

    private void admit(Entry entry) {
        if (closed) {
            entry.retire(); // closed once its waiting sends have finished
            return;
        }
        Entry previous = open.put(entry.path, entry);
        if (previous != null) {
            previous.retire();
        }
        if (open.size() > capacity) {
            Iterator<Entry> eldest = open.values().iterator();
            Entry evicted = eldest.next();
            eldest.remove();
            evicted.retire();
        }
    }

    /** Retires entries older than the validity; called periodically so that an idle server releases deleted files. */
    void sweep(long nowNanos) {
        List<Entry> expired = new ArrayList<>();
        for (Iterator<Entry> it = open.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (nowNanos - entry.openedNanos > validityNanos) {
                it.remove();
                expired.add(entry);
            }
        }
        expired.forEach(Entry::retire);
    }

    int size() {
        return open.size();
    }

    @Override
    public void close() {
        closed = true;
        List<Entry> all = new ArrayList<>(open.values());
        open.clear();
        all.forEach(Entry::retire);
    }

    /** One open segment file and the sends using it. */
    static final class Entry {
        private final Path path;
        private final FileChannel channel;
        private final long size;
        private final long openedNanos;
        private int users;
        private boolean retired;

        private Entry(Path path, FileChannel channel, long size, long openedNanos) {
            this.path = path;
            this.channel = channel;
            this.size = size;
            this.openedNanos = openedNanos;
        }

        FileChannel channel() {
            return channel;
        }

        Entry retain() {
            users++;
            return this;
        }

        /** The send that retained this entry has finished. */
        void release() {
            users--;
            if (users == 0 && retired) {
                closeChannel();
            }
        }

        private void retire() {
            retired = true;
            if (users == 0) {
                closeChannel();
            }
        }

        boolean isOpen() {
            return channel.isOpen();
        }

        private void closeChannel() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing segment file {} failed", path, e);
            }
        }
    }
}
