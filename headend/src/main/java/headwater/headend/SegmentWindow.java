package headwater.headend;

import headwater.headend.keys.ChannelKeys;
import headwater.headend.keys.StreamKey;
import headwater.media.hls.MediaSegment;
import headwater.media.hls.SegmentCipher;
import headwater.media.hls.SegmentEncryption;
import headwater.media.hls.SegmentSink;
import headwater.media.hls.VariantStream;
import headwater.media.ts.StreamFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's live segments on disk and its playlists: the {@link SegmentSink} at the end of the packaging chain.
 *
 * <p>Each segment is written through to {@code <dir>/<sequence>.ts.part} while it is cut and renamed to
 * {@code <sequence>.ts} when complete, so a complete file is all a reader ever sees. The media playlist lists the last
 * {@code window} segments; {@code window + extraOnDisk} stay on disk for late clients, older files are deleted. The
 * playlists are rendered once per segment and served from cached bytes; segment bytes are never kept in memory (the
 * page cache is the cache). {@code segments.tsv} records what is on disk, so that after a restart the window lists
 * the old segments again, sequence numbers continue after the highest one, and the first new segment is a
 * discontinuity; each segment appends one line to it, and it is rewritten (compacted) once it lists about twice what
 * is on disk.
 *
 * <p>An encrypted channel ({@link ChannelKeys}) encrypts each segment when it is complete: the clear
 * {@code .ts.part} (which the MPEG-TS viewers joining mid-segment replay) is encrypted whole with AES-128-CBC under
 * the channel's current key and a fresh random IV into {@code <sequence>.ts.tmp}, renamed to {@code <sequence>.ts},
 * and the clear part is deleted; so every segment that is listed, served or archived is encrypted on disk, and
 * {@code segments.tsv} records its key id and IV. Segments whose key is no longer known after a restart are dropped.
 *
 * <p>Threads: the sink methods are called by the channel's thread; {@link #mediaPlaylist}, {@link #segment} and the
 * other readers from any thread, lock-free. Written bytes are also published to the live MPEG-TS viewers.
 */
public final class SegmentWindow implements SegmentSink, AutoCloseable {
    static final long DEFAULT_VIEWER_BUFFER_BYTES = 4L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(SegmentWindow.class);
    private static final int WRITE_BUFFER = 64 * 1024;

    private final Path dir;
    private final String channel;
    private final int window;
    private final int keep;
    private final LiveTsFanOut fanOut;
    private volatile SegmentRecorder recorder;
    private final ChannelKeys keys;
    private final ByteBuffer clearChunk;
    private final ByteBuffer sealedChunk;
    private final ReentrantLock lock = new ReentrantLock();

    // guarded by lock
    private final ArrayDeque<MediaSegment> onDisk = new ArrayDeque<>();
    /** Bytes of the current segment not yet written to its file: direct, so a write copies them only to the kernel. */
    private final ByteBuffer pending = ByteBuffer.allocateDirect(WRITE_BUFFER);
    private long nextSequence;
    private long discontinuitySequence;
    private boolean forceDiscontinuity;
    private int targetSeconds;
    private List<StreamFormat> formats = List.of();
    private FileChannel out;
    private Path outPart;
    private long outSequence = -1;
    private boolean outDiscontinuity;
    private long outDiscontinuitySequence;
    private long outBytes;
    private boolean outFailed;
    private boolean closed;
    private int indexLines; // lines in segments.tsv, including those of segments deleted since it was last rewritten

    private volatile View view = View.EMPTY;
    private volatile long segmentsProduced;

    /** What readers see, replaced as a whole once per segment. */
    private record View(List<MediaSegment> onDisk, byte[] mediaPlaylist, byte[] multivariantPlaylist,
                        Optional<LiveMeasure> measure) {
        static final View EMPTY = new View(List.of(), null, null, Optional.empty());
    }

    /**
     * Opens the window over {@code dir} (created if missing), restoring what a previous run left there.
     *
     * @param channel the channel id, for messages
     */
    public SegmentWindow(Path dir, String channel, int window, int extraOnDisk, Duration targetDuration,
            long viewerBufferBytes) throws IOException {
        this(dir, channel, window, extraOnDisk, targetDuration, viewerBufferBytes, SegmentRecorder.NONE);
    }

    /**
     * Opens the window, handing every segment it completes to {@code recorder} (the catch-up archive) as soon as its
     * file is complete.
     */
    public SegmentWindow(Path dir, String channel, int window, int extraOnDisk, Duration targetDuration,
            long viewerBufferBytes, SegmentRecorder recorder) throws IOException {
        this(dir, channel, window, extraOnDisk, targetDuration, viewerBufferBytes, recorder, null);
    }

    /**
     * Opens the window of a channel whose segments are encrypted with {@code keys} (null: in the clear), handing
     * every segment it completes to {@code recorder}.
     */
    public SegmentWindow(Path dir, String channel, int window, int extraOnDisk, Duration targetDuration,
            long viewerBufferBytes, SegmentRecorder recorder, ChannelKeys keys) throws IOException {
        if (window < 1 || extraOnDisk < 0) {
            throw new IllegalArgumentException("channel " + channel + ": window must be >= 1 and extraOnDisk >= 0, got "
                    + window + " and " + extraOnDisk);
        }
        this.dir = dir;
        this.channel = channel;
        this.window = window;
        this.keep = window + extraOnDisk;
        this.targetSeconds = (int) Math.max(1, Math.round(targetDuration.toMillis() / 1000.0));
        this.fanOut = new LiveTsFanOut(channel, viewerBufferBytes);
        this.recorder = recorder == null ? SegmentRecorder.NONE : recorder;
        this.keys = keys;
        this.clearChunk = keys == null ? null : ByteBuffer.allocate(WRITE_BUFFER);
        this.sealedChunk = keys == null ? null : ByteBuffer.allocate(WRITE_BUFFER + SegmentCipher.BLOCK_BYTES);
        Files.createDirectories(dir);
        restore();
    }

    public SegmentWindow(Path dir, String channel, int window, int extraOnDisk, Duration targetDuration) throws IOException {
        this(dir, channel, window, extraOnDisk, targetDuration, DEFAULT_VIEWER_BUFFER_BYTES);
    }

    private void restore() throws IOException {
        long highest = -1;
        Set<Long> files = new HashSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.endsWith(".ts.part") || name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                } else if (name.endsWith(".ts")) {
                    long seq = parseSequence(name.substring(0, name.length() - 3));
                    if (seq >= 0) {
                        files.add(seq);
                        highest = Math.max(highest, seq);
                    }
                }
            }
        }
        Set<Long> listed = new HashSet<>();
        for (MediaSegment s : SegmentIndex.read(dir, channel)) {
            if (!listed.add(s.sequence())) {
                continue; // a corrupt index listing a sequence twice: the first line wins
            }
            Path file = file(s.sequence());
            if (files.remove(s.sequence()) && Files.size(file) == s.sizeBytes() && playable(s)) {
                onDisk.addLast(s);
            } else {
                Files.deleteIfExists(file);
            }
            highest = Math.max(highest, s.sequence());
        }
        for (long orphan : files) {
            Files.deleteIfExists(file(orphan)); // renamed but never indexed: no duration known, cannot be listed
        }
        while (onDisk.size() > keep) {
            Files.deleteIfExists(file(onDisk.removeFirst().sequence()));
        }
        nextSequence = highest + 1;
        forceDiscontinuity = highest >= 0;
        discontinuitySequence = onDisk.isEmpty() ? 0 : onDisk.getLast().discontinuitySequence();
        for (MediaSegment s : onDisk) {
            targetSeconds = Math.max(targetSeconds, (int) Math.round(s.durationSeconds()));
        }
        SegmentIndex.write(dir, onDisk);
        indexLines = onDisk.size();
        publishView();
        if (highest >= 0) {
            LOG.info("channel {}: restored {} segments from {}, continuing at sequence {}", channel, onDisk.size(), dir,
                    nextSequence);
        }
    }

    /** A segment can be listed when it is clear, or its key is still known. */
    private boolean playable(MediaSegment s) {
        if (!s.encrypted()) {
            return true;
        }
        if (keys != null && keys.key(s.encryption().keyId()).isPresent()) {
            return true;
        }
        LOG.info("channel {}: dropping segment {}: its stream key {} is no longer known", channel, s.sequence(),
                s.encryption().keyId());
        return false;
    }

    private static long parseSequence(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    /** The sequence number the next segment will get: where the segmenter should start counting. */
    public long nextSequence() {
        lock.lock();
        try {
            return nextSequence;
        } finally {
            lock.unlock();
        }
    }

    public String channel() {
        return channel;
    }

    /** Hands the segments finished from now on to {@code recorder} instead (the channel's archive days changed). */
    void recorder(SegmentRecorder recorder) {
        this.recorder = recorder == null ? SegmentRecorder.NONE : recorder;
    }

    public Path directory() {
        return dir;
    }

    // ---- SegmentSink, called by the channel's thread ----

    @Override
    public void beginSegment(long sequence, boolean discontinuity) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (out != null) {
                LOG.warn("channel {}: segment {} began before segment {} ended; dropping the unfinished one", channel,
                        sequence, outSequence);
                abortCurrent();
            }
            outSequence = nextSequence++;
            if (sequence != outSequence) {
                LOG.debug("channel {}: segmenter numbered segment {} as {}", channel, outSequence, sequence);
            }
            outDiscontinuity = discontinuity || forceDiscontinuity;
            forceDiscontinuity = false;
            if (outDiscontinuity) {
                discontinuitySequence++;
            }
            outDiscontinuitySequence = discontinuitySequence;
            outBytes = 0;
            outFailed = false;
            outPart = dir.resolve(outSequence + ".ts.part");
            try {
                out = FileChannel.open(outPart, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                fail(e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        lock.lock();
        try {
            if (outSequence < 0 || closed) {
                return;
            }
            while (len > 0) {
                int n = Math.min(len, pending.remaining());
                pending.put(buf, off, n);
                off += n;
                len -= n;
                if (!pending.hasRemaining()) {
                    flushPending();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void endSegment(MediaSegment segment) {
        lock.lock();
        try {
            if (outSequence < 0 || closed) {
                return;
            }
            flushPending();
            long sequence = outSequence;
            boolean ok = !outFailed && out != null;
            closeOut();
            outSequence = -1;
            if (!ok) {
                deleteQuietly(outPart);
                LOG.warn("channel {}: segment {} was not stored because writing it failed", channel, sequence);
                return;
            }
            SegmentEncryption encryption = null;
            long storedBytes = outBytes;
            try {
                if (keys != null) {
                    encryption = encrypt(sequence);
                    storedBytes = SegmentCipher.encryptedLength(outBytes);
                } else {
                    Files.move(outPart, file(sequence), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("channel {}: could not complete segment {}: {}", channel, sequence, e.toString());
                deleteQuietly(outPart);
                deleteQuietly(dir.resolve(sequence + ".ts.tmp"));
                return;
            }
            MediaSegment stored = new MediaSegment(sequence, outDiscontinuitySequence, outDiscontinuity,
                    segment.startPts(), segment.duration90k(), segment.programDateTime(), storedBytes, encryption);
            onDisk.addLast(stored);
            try {
                recorder.record(file(sequence), stored); // before the rotation below may delete an old file
            } catch (RuntimeException e) {
                LOG.error("channel {}: recording segment {} for catch-up failed", channel, sequence, e);
            }
            targetSeconds = Math.max(targetSeconds, (int) Math.round(stored.durationSeconds()));
            while (onDisk.size() > keep) {
                deleteQuietly(file(onDisk.removeFirst().sequence()));
            }
            try {
                if (indexLines >= 2 * keep + 2) {
                    SegmentIndex.write(dir, onDisk); // compact: drop the lines of segments that left the disk
                    indexLines = onDisk.size();
                } else {
                    SegmentIndex.append(dir, stored);
                    indexLines++;
                }
            } catch (IOException e) {
                LOG.warn("channel {}: could not write {}: {}", channel, dir.resolve(SegmentIndex.FILE), e.toString());
                indexLines = Integer.MAX_VALUE; // rewrite it whole next time
            }
            segmentsProduced++;
            publishView();
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is buffered through to the segment file and the live viewers. */
    public void flush() {
        lock.lock();
        try {
            flushPending();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands what is buffered to the live viewers (writing it through to the file) when there are any; without viewers
     * the bytes stay buffered until the buffer is full or the segment ends, so the file gets fewer, larger writes. The
     * channel calls it after each chunk of input, so viewers lag the input by at most one read. A viewer that joins
     * gets everything up to its join: {@link #subscribe} writes the buffer through first.
     */
    public void flushForViewers() {
        if (!fanOut.hasViewers()) {
            return;
        }
        lock.lock();
        try {
            flushPending();
        } finally {
            lock.unlock();
        }
    }

    /** The formats of the program's streams, for {@code CODECS} and {@code RESOLUTION}; re-renders the playlist. */
    public void streamFormats(List<StreamFormat> formats) {
        lock.lock();
        try {
            List<StreamFormat> copy = List.copyOf(formats);
            if (!copy.equals(this.formats)) {
                this.formats = copy;
                publishView();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- readers, any thread ----

    /**
     * The media playlist (listing the last {@code window} segments), empty until the first segment is complete. The
     * published array itself, not a copy: the same instance until the playlist changes, so a server can tell versions
     * apart by identity and keep one encoded copy of each. The caller must not modify it.
     */
    public Optional<byte[]> mediaPlaylist() {
        return Optional.ofNullable(view.mediaPlaylist());
    }

    /**
     * The multivariant playlist with one variant, {@code media.m3u8}; empty until the first segment is complete. The
     * published array itself, as {@link #mediaPlaylist()}.
     */
    public Optional<byte[]> multivariantPlaylist() {
        return Optional.ofNullable(view.multivariantPlaylist());
    }

    /**
     * What the window measures now (the multivariant playlist's bandwidth, the picture height, the target duration):
     * a volatile read, no copy. Empty until the first segment is complete and the stream's formats are known.
     */
    public Optional<LiveMeasure> measure() {
        return view.measure();
    }

    /** Every complete segment on disk, oldest first: the playlist's and the extra ones. */
    public List<MediaSegment> segmentsOnDisk() {
        return view.onDisk();
    }

    /** The segments the media playlist lists, oldest first. */
    public List<MediaSegment> playlistSegments() {
        List<MediaSegment> all = view.onDisk();
        return all.subList(Math.max(0, all.size() - window), all.size());
    }

    public long segmentsProduced() {
        return segmentsProduced;
    }

    /**
     * The file of segment {@code sequence}.
     *
     * @throws SegmentUnavailableException when it has left the disk or is not complete yet; the message says which,
     *     and what the window holds
     */
    public SegmentFile segment(long sequence) {
        List<MediaSegment> all = view.onDisk();
        if (all.isEmpty()) {
            throw new SegmentUnavailableException(SegmentUnavailableException.Reason.NOT_YET_PRODUCED, "segment "
                    + sequence + " of channel " + channel + " is not yet produced: no segment is complete yet");
        }
        long first = all.getFirst().sequence();
        long last = all.getLast().sequence();
        if (sequence < first) {
            throw new SegmentUnavailableException(SegmentUnavailableException.Reason.GONE, "segment " + sequence
                    + " of channel " + channel + " is gone: window is " + first + ".." + last);
        }
        if (sequence > last) {
            throw new SegmentUnavailableException(SegmentUnavailableException.Reason.NOT_YET_PRODUCED, "segment "
                    + sequence + " of channel " + channel + " is not yet produced: window is " + first + ".." + last);
        }
        int guess = (int) (sequence - first);
        MediaSegment s = guess < all.size() && all.get(guess).sequence() == sequence ? all.get(guess) : find(all, sequence);
        if (s == null) {
            throw new SegmentUnavailableException(SegmentUnavailableException.Reason.GONE, "segment " + sequence
                    + " of channel " + channel + " is gone: it was lost in a restart; window is " + first + ".." + last);
        }
        return new SegmentFile(file(sequence), s.sizeBytes(), s);
    }

    private static MediaSegment find(List<MediaSegment> all, long sequence) {
        for (MediaSegment s : all) {
            if (s.sequence() == sequence) {
                return s;
            }
        }
        return null;
    }

    /**
     * Adds a live MPEG-TS viewer. It starts at the beginning of the segment being written (a PAT, a PMT and a
     * keyframe), replayed from its file, then continues with the live bytes; with no segment open it starts with the
     * next one.
     */
    public LiveTsSubscription subscribe(LiveTsListener listener) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("channel " + channel + " is stopped");
            }
            flushPending();
            FileChannel catchUp = null;
            long catchUpBytes = 0;
            if (out != null && !outFailed && outBytes > 0) {
                try {
                    catchUp = FileChannel.open(outPart, StandardOpenOption.READ);
                    catchUpBytes = outBytes;
                } catch (IOException e) {
                    throw new UncheckedIOException("channel " + channel + ": cannot open segment " + outSequence
                            + " for a new viewer", e);
                }
            }
            return fanOut.add(listener, catchUp, catchUpBytes);
        } finally {
            lock.unlock();
        }
    }

    public int viewers() {
        return fanOut.viewers();
    }

    /** Drops the unfinished segment (if any), ends every viewer's stream. The complete segments stay on disk. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (outSequence >= 0) {
                abortCurrent();
            }
        } finally {
            lock.unlock();
        }
        fanOut.closeAll("channel " + channel + " stopped");
    }

    // ---- internals, under lock ----

    private Path file(long sequence) {
        return dir.resolve(sequence + ".ts");
    }

    /**
     * Encrypts the complete clear part of segment {@code sequence} under the current key and a fresh IV into its
     * final file, and deletes the clear part.
     */
    private SegmentEncryption encrypt(long sequence) throws IOException {
        StreamKey key = keys.current();
        byte[] iv = keys.newIv();
        Cipher cipher = SegmentCipher.encryptor(key.key(), iv);
        Path tmp = dir.resolve(sequence + ".ts.tmp");
        try (FileChannel in = FileChannel.open(outPart, StandardOpenOption.READ);
             FileChannel sealed = FileChannel.open(tmp, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            clearChunk.clear();
            while (in.read(clearChunk) >= 0) {
                clearChunk.flip();
                sealedChunk.clear();
                cipher.update(clearChunk, sealedChunk);
                writeAll(sealed, sealedChunk.flip());
                clearChunk.clear();
            }
            sealedChunk.clear();
            cipher.doFinal(clearChunk.flip(), sealedChunk);
            writeAll(sealed, sealedChunk.flip());
        } catch (ShortBufferException | IllegalBlockSizeException | BadPaddingException e) {
            throw new IllegalStateException("AES-128 encryption of segment " + sequence + " failed", e);
        }
        Files.move(tmp, file(sequence), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        deleteQuietly(outPart);
        return new SegmentEncryption(key.id(), iv);
    }

    private static void writeAll(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private void flushPending() {
        int length = pending.position();
        if (length == 0) {
            return;
        }
        if (fanOut.hasViewers()) {
            byte[] chunk = new byte[length];
            pending.get(0, chunk);
            fanOut.publish(chunk);
        }
        if (out != null && !outFailed) {
            pending.flip();
            try {
                while (pending.hasRemaining()) {
                    out.write(pending);
                }
            } catch (IOException e) {
                fail(e);
            }
        }
        outBytes += length;
        pending.clear();
    }

    private void fail(IOException e) {
        LOG.error("channel {}: writing segment {} to {} failed: {}", channel, outSequence, outPart, e.toString());
        outFailed = true;
        closeOut();
    }

    private void abortCurrent() {
        pending.clear();
        closeOut();
        deleteQuietly(outPart);
        outSequence = -1;
    }

    private void closeOut() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("channel {}: closing {} failed: {}", channel, outPart, e.toString());
            }
            out = null;
        }
    }

    private void deleteQuietly(Path p) {
        try {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("channel {}: could not delete {}: {}", channel, p, e.toString());
        }
    }

    private void publishView() {
        List<MediaSegment> all = List.copyOf(new ArrayList<>(onDisk));
        if (all.isEmpty()) {
            view = View.EMPTY;
            return;
        }
        List<MediaSegment> listed = all.subList(Math.max(0, all.size() - window), all.size());
        Duration target = Duration.ofSeconds(targetSeconds);
        VariantStream variant = LivePlaylists.variant(listed, formats, target);
        view = new View(all, LivePlaylists.media(listed, targetSeconds), LivePlaylists.multivariant(variant),
                LiveMeasure.of(variant, formats, target));
    }
}
