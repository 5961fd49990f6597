package headwater.headend.archive;

import headwater.media.hls.SegmentEncryption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code index.tsv} of a channel's archive: an append-only log that a restart replays.
 *
 * <pre>
 * # headwater archive index 1
 * days	3                                              the retention (the last such line counts)
 * 1041	1795237200000000	4000000	1504000	0           sequence, start (µs since the epoch), duration (µs),
 *                                                     size in bytes, discontinuity (0/1): one recorded segment
 * 1042	1795237204000000	4000000	1504016	0	9f8e7d6c5b4a3928	0123…ef   the same, encrypted: key id and IV
 * drop	1041                                           every segment up to this sequence was deleted
 * cut	1050                                            every segment listed so far from this sequence on was deleted
 *                                                     (the wall clock went back)
 * </pre>
 *
 * A segment's line is appended after its file got its final name, and a {@code drop} line before the files it covers
 * are deleted, so the log never lists a file that was never complete; files it does not list are orphans of a crash.
 * A line cut short by a crash, or any line that does not parse, is skipped. {@link #rewrite} replaces the file
 * atomically (a temporary file renamed over it) with exactly what is kept, when the drops have made it long.
 */
final class ArchiveIndex {
    static final String FILE = "index.tsv";
    private static final String HEADER = "# headwater archive index 1\n";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIndex.class);

    /** A segment line. */
    record Row(long sequence, long startMicros, long durationMicros, long sizeBytes, boolean discontinuity,
               SegmentEncryption encryption) {

        Row(long sequence, long startMicros, long durationMicros, long sizeBytes, boolean discontinuity) {
            this(sequence, startMicros, durationMicros, sizeBytes, discontinuity, null);
        }
    }

    /**
     * What a replay of the log finds.
     *
     * @param days            the last retention written, or -1
     * @param rows            the segments listed and not dropped, in file order
     * @param highestSequence the highest sequence ever listed or dropped, -1 for none
     * @param lines           the lines read (for compaction)
     */
    record Replay(int days, List<Row> rows, long highestSequence, int lines) {}

    private final Path file;
    private final String channel;
    private int lines;

    ArchiveIndex(Path dir, String channel) {
        this.file = dir.resolve(FILE);
        this.channel = channel;
    }

    Path file() {
        return file;
    }

    int lines() {
        return lines;
    }

    Replay read() throws IOException {
        List<String> text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return new Replay(-1, List.of(), -1, 0);
        }
        int days = -1;
        long highest = -1;
        long droppedThrough = -1;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f[0].equals("days") && f.length == 2) {
                    days = Integer.parseInt(f[1]);
                    if (days < 0) {
                        throw new IllegalArgumentException("negative days");
                    }
                } else if (f[0].equals("drop") && f.length == 2) {
                    long through = Long.parseLong(f[1]);
                    droppedThrough = Math.max(droppedThrough, through);
                    highest = Math.max(highest, through);
                } else if (f[0].equals("cut") && f.length == 2) {
                    long from = Long.parseLong(f[1]);
                    rows.removeIf(r -> r.sequence() >= from);
                    highest = Math.max(highest, from);
                } else if (f.length == 5 || f.length == 7) {
                    Row r = new Row(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                            Long.parseLong(f[3]), parseFlag(f[4]), f.length == 7 ? encryption(f[5], f[6]) : null);
                    if (r.sequence() < 0 || r.durationMicros() < 0 || r.sizeBytes() < 0) {
                        throw new IllegalArgumentException("a value is out of range");
                    }
                    rows.add(r);
                    highest = Math.max(highest, r.sequence());
                } else {
                    throw new IllegalArgumentException("not a line of the archive index");
                }
            } catch (RuntimeException e) {
                LOG.warn("channel {}: skipping line {} of {}: {}", channel, i + 1, file, e.toString());
            }
        }
        long through = droppedThrough;
        List<Row> kept = rows.stream().filter(r -> r.sequence() > through).toList();
        return new Replay(days, kept, highest, text.size());
    }

    private static SegmentEncryption encryption(String keyId, String ivHex) {
        byte[] iv = SegmentEncryption.parseIv(ivHex);
        if (iv == null) {
            throw new IllegalArgumentException("the IV is not 32 hex digits");
        }
        return new SegmentEncryption(keyId, iv);
    }

    private static boolean parseFlag(String s) {
        return switch (s) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException("discontinuity must be 0 or 1, got '" + s + "'");
        };
    }

    void appendRow(Row r) throws IOException {
        append(row(new StringBuilder(64), r).toString());
    }

    void appendDrop(long throughSequence) throws IOException {
        append("drop\t" + throughSequence + "\n");
    }

    void appendCut(long fromSequence) throws IOException {
        append("cut\t" + fromSequence + "\n");
    }

    void appendDays(int days) throws IOException {
        append("days\t" + days + "\n");
    }

    /** Replaces the log with one that lists the retention and exactly {@code rows}. */
    void rewrite(int days, long droppedThrough, List<Row> rows) throws IOException {
        StringBuilder b = new StringBuilder(HEADER.length() + 16 + 48 * rows.size());
        b.append(HEADER).append("days\t").append(days).append('\n');
        if (droppedThrough >= 0) {
            b.append("drop\t").append(droppedThrough).append('\n'); // keeps the sequence numbers from being reused
        }
        for (Row r : rows) {
            row(b, r);
        }
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        lines = rows.size() + (droppedThrough >= 0 ? 3 : 2);
    }

    private void append(String line) throws IOException {
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        lines++;
    }

    private static StringBuilder row(StringBuilder b, Row r) {
        b.append(r.sequence()).append('\t').append(r.startMicros()).append('\t').append(r.durationMicros())
                .append('\t').append(r.sizeBytes()).append('\t').append(r.discontinuity() ? '1' : '0');
        if (r.encryption() != null) {
            b.append('\t').append(r.encryption().keyId()).append('\t').append(r.encryption().ivHex());
        }
        return b.append('\n');
    }
}
