package headwater.headend;

import headwater.media.hls.MediaSegment;
import headwater.media.hls.SegmentEncryption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code segments.tsv} beside a channel's segment files: one line per segment on disk, so that a restarted
 * headend lists them again with their durations and times. Columns: sequence, discontinuity sequence, discontinuity
 * (0/1), start PTS, duration (90 kHz), program date-time (ISO-8601 or -), size in bytes, and for an encrypted segment its key id and IV (hex).
 *
 * <p>A completed segment {@link #append appends} its line (cheap: no file is created); the window
 * {@link #write rewrites} the file atomically (a temporary file renamed over it) at start and whenever it has grown to
 * list many more segments than are on disk. Lines of segments that have left the disk are dropped on restore, when the
 * files they name are missing; a line cut short by a crash is skipped, and the restore rewrites the file cleanly.
 */
final class SegmentIndex {
    static final String FILE = "segments.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentIndex.class);
    /** Longer than any segment we cut (a day): a line claiming more is corrupt. */
    private static final long MAX_DURATION_90K = 86_400L * 90_000L;

    private SegmentIndex() {}

    /** Replaces the file with one listing exactly {@code segments}, atomically. */
    static void write(Path dir, Collection<MediaSegment> segments) throws IOException {
        StringBuilder b = new StringBuilder(80 * segments.size());
        for (MediaSegment s : segments) {
            line(b, s);
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Adds the line of one segment at the end of the file (creating it if missing). */
    static void append(Path dir, MediaSegment segment) throws IOException {
        byte[] line = line(new StringBuilder(80), segment).toString().getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(FILE), line, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private static StringBuilder line(StringBuilder b, MediaSegment s) {
        b.append(s.sequence()).append('\t')
                .append(s.discontinuitySequence()).append('\t')
                .append(s.discontinuity() ? 1 : 0).append('\t')
                .append(s.startPts()).append('\t')
                .append(s.duration90k()).append('\t')
                .append(s.programDateTime() == null ? "-" : s.programDateTime().toString()).append('\t')
                .append(s.sizeBytes());
        if (s.encrypted()) {
            b.append('\t').append(s.encryption().keyId()).append('\t').append(s.encryption().ivHex());
        }
        return b.append('\n');
    }

    /** The segments listed, oldest first; lines that do not parse are skipped and logged, never thrown. */
    static List<MediaSegment> read(Path dir, String channel) throws IOException {
        List<String> lines;
        try {
            // decoded leniently: a crash may leave any bytes, and a malformed line is skipped like any other
            lines = new String(Files.readAllBytes(dir.resolve(FILE)), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<MediaSegment> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            try {
                if (f.length != 7 && f.length != 9) {
                    throw new IllegalArgumentException("expected 7 or 9 columns, found " + f.length);
                }
                SegmentEncryption encryption = null;
                if (f.length == 9) {
                    byte[] iv = SegmentEncryption.parseIv(f[8]);
                    if (iv == null) {
                        throw new IllegalArgumentException("the IV is not 32 hex digits");
                    }
                    encryption = new SegmentEncryption(f[7], iv);
                }
                MediaSegment s = new MediaSegment(Long.parseLong(f[0]), Long.parseLong(f[1]), "1".equals(f[2]),
                        Long.parseLong(f[3]), Long.parseLong(f[4]), "-".equals(f[5]) ? null : Instant.parse(f[5]),
                        Long.parseLong(f[6]), encryption);
                if (s.sequence() < 0 || s.discontinuitySequence() < 0 || s.duration90k() < 0 || s.sizeBytes() < 0
                        || s.duration90k() > MAX_DURATION_90K) {
                    throw new IllegalArgumentException("a value is out of range");
                }
                out.add(s);
            } catch (RuntimeException e) {
                LOG.warn("channel {}: skipping line {} of {}: {}", channel, i + 1, dir.resolve(FILE), e.toString());
            }
        }
        out.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return out;
    }
}
