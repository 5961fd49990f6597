package headwater.headend.archive;

import headwater.headend.SegmentRecorder;
import headwater.media.hls.MediaSegment;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's catch-up archive: {@code <archiveDir>/<channel>/<sequence / 1000>/<sequence>.ts} and its
 * {@link ArchiveIndex index.tsv}, with the segments' times in memory ({@link ArchiveTimeline}) for the queries.
 *
 * <p>{@link #record} (the channel's thread) takes a hard link to the live segment file, or copies it (to a
 * {@code .part} file renamed when complete) when the archive is on another file system, then appends the segment's
 * line to the index. A crash therefore loses at most the segment being recorded: at the next start the index is
 * replayed, every listed file is checked (present, of the listed size), files it does not list are deleted, and the
 * index is rewritten with what is kept. The archive numbers its segments itself, after the highest number it ever
 * used, so they stay unique even when the live window starts over.
 *
 * <p>Retention ({@link Archives} drives it): segments that ended more than {@code days} ago are deleted, and the
 * oldest of all channels while the archives exceed their disk budget. Queries ({@link #window}, {@link #span}) are a
 * binary search under a lock that is held only for in-memory work; files are deleted after it is released. Every
 * method is thread-safe.
 */
public final class ChannelArchive implements SegmentRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelArchive.class);
    /** Segments per sub-directory: a few hours of 4 s segments, so that no directory grows huge. */
    static final long BLOCK = 1000;
    /** A gap or an overlap between two segments larger than this makes the later one a discontinuity. */
    private static final long GAP_MICROS = 1_000_000L;
    /**
     * How far the wall clock may go back and the segments still be laid after the previous ones (slightly later than
     * their real time); beyond it the segments stamped after the new time are dropped ({@link #cutAfter}).
     */
    static final long MAX_CLAMP_MICROS = 10_000_000L;
    /**
     * How far a segment's program date-time may be ahead of the wall clock (its start as the wall clock sees it when
     * it ends) before the wall clock's time is used instead.
     */
    static final long MAX_AHEAD_MICROS = 2_000_000L;

    private final String channel;
    private final Path dir;
    private final Archives owner;
    private final ArchiveIndex index;
    private final ReentrantLock lock = new ReentrantLock();

    // guarded by lock
    private final ArchiveTimeline timeline = new ArchiveTimeline();
    private long nextSequence;
    private long droppedThrough = -1;
    private boolean continues;
    private boolean linksFail;
    private volatile int days;

    private ChannelArchive(String channel, Path dir, Archives owner, int days) {
        this.channel = channel;
        this.dir = dir;
        this.owner = owner;
        this.index = new ArchiveIndex(dir, channel);
        this.days = days;
    }

    /**
     * Opens the archive in {@code dir} (created if missing): replays and checks the index, deletes what a crash left
     * behind, rewrites the index.
     *
     * @param days the retention to use when the index names none
     */
    static ChannelArchive open(String channel, Path dir, Archives owner, int days) throws IOException {
        Files.createDirectories(dir);
        ChannelArchive a = new ChannelArchive(channel, dir, owner, days);
        a.restore();
        return a;
    }

    private void restore() throws IOException {
        ArchiveIndex.Replay replay = index.read();
        if (replay.days() >= 0) {
            days = replay.days();
        }
        Set<Long> listed = new HashSet<>();
        int missing = 0;
        for (ArchiveIndex.Row r : replay.rows()) {
            if (!listed.add(r.sequence())) {
                continue; // a corrupt index listing a sequence twice: the first line wins
            }
            if (timeline.size() > 0 && (r.sequence() <= timeline.sequence(timeline.size() - 1)
                    || r.startMicros() < timeline.startMicros(timeline.size() - 1))) {
                missing++;
                continue; // out of order: cannot be searched by time
            }
            long size;
            try {
                size = Files.size(file(r.sequence()));
            } catch (NoSuchFileException e) {
                size = -1;
            }
            if (size != r.sizeBytes()) {
                missing++;
                continue;
            }
            timeline.add(r.sequence(), r.startMicros(), r.durationMicros(), r.sizeBytes(), r.discontinuity(),
                    r.encryption());
        }
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < timeline.size(); i++) {
            kept.add(timeline.sequence(i));
        }
        long highest = Math.max(replay.highestSequence(), deleteUnlisted(kept));
        nextSequence = highest + 1;
        droppedThrough = timeline.size() == 0 ? highest : timeline.sequence(0) - 1;
        index.rewrite(days, droppedThrough, rows());
        if (timeline.size() > 0 || missing > 0) {
            LOG.info("channel {}: archive restored: {} segments ({} bytes) in {}{}", channel, timeline.size(),
                    timeline.bytes(), dir, missing == 0 ? "" : ", " + missing + " listed segments were missing or bad");
        }
    }

    /** Deletes partial copies and files the index does not keep; returns the highest sequence seen in a name. */
    private long deleteUnlisted(Set<Long> kept) throws IOException {
        long highest = -1;
        try (DirectoryStream<Path> blocks = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path block : blocks) {
                if (parseNumber(block.getFileName().toString()) < 0) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(block)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        long seq = name.endsWith(".ts") ? parseNumber(name.substring(0, name.length() - 3)) : -1;
                        highest = Math.max(highest, seq);
                        if (seq < 0 || !kept.contains(seq)) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
                deleteIfEmpty(block);
            }
        }
        return highest;
    }

    private static long parseNumber(String s) {
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

    public String channel() {
        return channel;
    }

    public Path directory() {
        return dir;
    }

    /** The retention in days; 0 once the channel stopped keeping an archive. */
    public int days() {
        return days;
    }

    // ---- recording, on the channel's thread ----

    @Override
    public void record(Path file, MediaSegment segment) {
        if (days == 0 || owner.isClosed()) {
            return;
        }
        long durationMicros = segment.duration90k() * 100 / 9;
        long latestStart = micros(owner.now()) - durationMicros; // it has just ended
        long startMicros = segment.programDateTime() == null ? latestStart : micros(segment.programDateTime());
        if (startMicros > latestStart + MAX_AHEAD_MICROS) {
            // the program clock ran ahead of the wall clock (a source that delivered faster than real time): the
            // archive's times must be the wall clock's, or windows asked for by the guide would miss
            startMicros = latestStart;
        }
        long size;
        List<Path> doomed = new ArrayList<>();
        lock.lock();
        try {
            if (days == 0) {
                return; // deleted meanwhile (retain(0) takes this lock): nothing may be added after it
            }
            long seq = nextSequence++;
            Path target = file(seq);
            boolean disc = segment.discontinuity() || !continues;
            if (timeline.size() > 0 && timeline.endMicros(timeline.size() - 1) - startMicros > MAX_CLAMP_MICROS) {
                disc = true;
                cutAfter(startMicros, doomed); // the wall clock went back far: what it stamped later is wrong
            }
            if (timeline.size() > 0) {
                int last = timeline.size() - 1;
                long previousEnd = timeline.endMicros(last);
                if (startMicros < timeline.startMicros(last)) {
                    startMicros = previousEnd; // the wall clock went back a little: keep the timeline ordered
                    disc = true;
                } else if (Math.abs(startMicros - previousEnd) > GAP_MICROS) {
                    disc = true;
                }
            }
            try {
                size = store(file, target);
            } catch (IOException | RuntimeException e) {
                continues = false;
                LOG.warn("channel {}: could not archive segment {} ({}): {}", channel, segment.sequence(), file,
                        e.toString());
                deleteQuietly(target);
                return;
            }
            ArchiveIndex.Row row = new ArchiveIndex.Row(seq, startMicros, durationMicros, size, disc,
                    segment.encryption());
            try {
                index.appendRow(row);
            } catch (IOException e) {
                continues = false;
                LOG.warn("channel {}: could not index archived segment {} in {}: {}", channel, seq, index.file(),
                        e.toString());
                deleteQuietly(target);
                return;
            }
            timeline.add(seq, startMicros, durationMicros, size, disc, segment.encryption());
            continues = true;
        } finally {
            lock.unlock();
            deleteFiles(doomed);
        }
        owner.recorded(this, size);
    }

    /**
     * Forgets the newest segments that end after {@code startMicros} (the index first), collecting their files: the
     * wall clock went back by more than {@link #MAX_CLAMP_MICROS}, so they were stamped with times that have not come
     * yet, and a window asked for those times must not find them. Under lock.
     */
    private void cutAfter(long startMicros, List<Path> doomed) {
        int keep = timeline.size();
        while (keep > 0 && timeline.endMicros(keep - 1) > startMicros) {
            keep--;
        }
        int n = timeline.size() - keep;
        if (n == 0) {
            return;
        }
        long from = timeline.sequence(keep);
        LOG.warn("channel {}: the wall clock went back to {}: dropping the {} newest archived segments stamped after it",
                channel, instant(startMicros), n);
        try {
            index.appendCut(from);
        } catch (IOException e) {
            LOG.warn("channel {}: could not write to {}: {}", channel, index.file(), e.toString());
        }
        long before = timeline.bytes();
        for (int i = keep; i < timeline.size(); i++) {
            doomed.add(file(timeline.sequence(i)));
        }
        timeline.removeLast(n);
        owner.deleted(this, n, before - timeline.bytes());
    }

    /** A hard link to the live file, else a copy; returns the archived file's size. */
    private long store(Path live, Path target) throws IOException {
        if (!linksFail) {
            try {
                return link(live, target);
            } catch (NoSuchFileException e) {
                if (!Files.exists(live)) {
                    throw e;
                }
                return link(live, target); // retention removed the emptied block directory meanwhile: once more
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(live)) {
                    throw e instanceof IOException io ? io : new IOException(e);
                }
                linksFail = true;
                LOG.info("channel {}: cannot hard-link live segments into {} ({}); copying them instead", channel, dir,
                        e.toString());
            }
        }
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(live, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Files.size(target);
    }

    private static long link(Path live, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, live);
        } catch (FileAlreadyExistsException e) {
            Files.delete(target); // a leftover with a number we did not know of: ours now
            Files.createLink(target, live);
        }
        return Files.size(target);
    }

    // ---- queries, any thread ----

    /**
     * The segments that overlap {@code [from, to)}, oldest first: the first holds {@code from} (it starts at or
     * before it) or, when {@code from} falls in a gap or before the archive, is the first after it.
     */
    public List<ArchiveEntry> window(Instant from, Instant to) {
        long fromMicros = micros(from);
        long toMicros = micros(to);
        List<ArchiveEntry> out = new ArrayList<>();
        if (toMicros <= fromMicros) {
            return out;
        }
        lock.lock();
        try {
            for (int i = timeline.firstOverlapping(fromMicros); i < timeline.size() && timeline.startMicros(i) < toMicros;
                    i++) {
                out.add(entry(i));
            }
        } finally {
            lock.unlock();
        }
        return out;
    }

    /** What is recorded: empty when nothing is. */
    public Optional<ArchiveRange> span() {
        lock.lock();
        try {
            int n = timeline.size();
            if (n == 0) {
                return Optional.empty();
            }
            return Optional.of(new ArchiveRange(instant(timeline.startMicros(0)), instant(timeline.endMicros(n - 1)),
                    days, n, timeline.bytes()));
        } finally {
            lock.unlock();
        }
    }

    /** Every kept segment, oldest first. */
    public List<ArchiveEntry> segments() {
        lock.lock();
        try {
            List<ArchiveEntry> out = new ArrayList<>(timeline.size());
            for (int i = 0; i < timeline.size(); i++) {
                out.add(entry(i));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    public long bytes() {
        lock.lock();
        try {
            return timeline.bytes();
        } finally {
            lock.unlock();
        }
    }

    public int segmentCount() {
        lock.lock();
        try {
            return timeline.size();
        } finally {
            lock.unlock();
        }
    }

    // ---- retention, driven by Archives ----

    /** Sets the retention (written to the index); 0 deletes everything at the next {@link #expire}. */
    void retain(int newDays) throws IOException {
        lock.lock();
        try {
            if (newDays != days) {
                days = newDays;
                index.appendDays(newDays);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the segments that ended before {@code now - days}; returns the bytes freed. */
    long expire(Instant now) {
        long cutoff = micros(now) - days * 86_400_000_000L; // at most 365 days: no overflow
        List<Path> doomed = new ArrayList<>();
        long freed;
        lock.lock();
        try {
            int n = 0;
            while (n < timeline.size() && (days == 0 || timeline.endMicros(n) <= cutoff)) {
                n++;
            }
            freed = drop(n, doomed);
        } finally {
            lock.unlock();
        }
        deleteFiles(doomed);
        return freed;
    }

    /** The start of the oldest kept segment (µs), {@link Long#MAX_VALUE} when nothing is kept. */
    long oldestStartMicros() {
        lock.lock();
        try {
            return timeline.size() == 0 ? Long.MAX_VALUE : timeline.startMicros(0);
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the oldest segment; returns the bytes freed (0 when there was none). */
    long dropOldest() {
        List<Path> doomed = new ArrayList<>(1);
        long freed;
        lock.lock();
        try {
            freed = drop(Math.min(1, timeline.size()), doomed);
        } finally {
            lock.unlock();
        }
        deleteFiles(doomed);
        return freed;
    }

    /** Forgets the {@code n} oldest segments (the index first), collecting their files; under lock. */
    private long drop(int n, List<Path> doomed) {
        if (n == 0) {
            return 0;
        }
        long through = timeline.sequence(n - 1);
        long before = timeline.bytes();
        try {
            index.appendDrop(through);
        } catch (IOException e) {
            // still deleted: a restart finds the files missing and skips their lines
            LOG.warn("channel {}: could not write to {}: {}", channel, index.file(), e.toString());
        }
        for (int i = 0; i < n; i++) {
            doomed.add(file(timeline.sequence(i)));
        }
        timeline.removeFirst(n);
        droppedThrough = through;
        owner.deleted(this, n, before - timeline.bytes());
        if (index.lines() > 2 * timeline.size() + 1024) {
            try {
                index.rewrite(days, droppedThrough, rows());
            } catch (IOException e) {
                LOG.warn("channel {}: could not compact {}: {}", channel, index.file(), e.toString());
            }
        }
        return before - timeline.bytes();
    }

    private void deleteFiles(List<Path> doomed) {
        Path lastBlock = null;
        for (Path p : doomed) {
            deleteQuietly(p);
            if (lastBlock != null && !lastBlock.equals(p.getParent())) {
                deleteIfEmpty(lastBlock);
            }
            lastBlock = p.getParent();
        }
        if (lastBlock != null) {
            deleteIfEmpty(lastBlock);
        }
    }

    private void deleteIfEmpty(Path block) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(block)) {
            if (ds.iterator().hasNext()) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try {
            Files.deleteIfExists(block);
        } catch (IOException e) {
            // a segment was just recorded into it
        }
    }

    private void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("channel {}: could not delete {}: {}", channel, p, e.toString());
        }
    }

    // ---- internals ----

    Path file(long sequence) {
        return dir.resolve(Long.toString(sequence / BLOCK)).resolve(sequence + ".ts");
    }

    private List<ArchiveIndex.Row> rows() {
        List<ArchiveIndex.Row> rows = new ArrayList<>(timeline.size());
        for (int i = 0; i < timeline.size(); i++) {
            rows.add(new ArchiveIndex.Row(timeline.sequence(i), timeline.startMicros(i), timeline.durationMicros(i),
                    timeline.sizeBytes(i), timeline.discontinuity(i), timeline.encryption(i)));
        }
        return rows;
    }

    private ArchiveEntry entry(int i) {
        long seq = timeline.sequence(i);
        return new ArchiveEntry(seq, instant(timeline.startMicros(i)), timeline.durationMicros(i),
                timeline.sizeBytes(i), timeline.discontinuity(i), file(seq), timeline.encryption(i));
    }

    /** Microseconds since the epoch, saturated at the ends of {@code long} (a query may ask from Instant.MIN). */
    static long micros(Instant t) {
        long s = t.getEpochSecond();
        if (s >= Long.MAX_VALUE / 1_000_000L - 1) {
            return Long.MAX_VALUE;
        }
        if (s <= Long.MIN_VALUE / 1_000_000L + 1) {
            return Long.MIN_VALUE;
        }
        return s * 1_000_000L + t.getNano() / 1_000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
