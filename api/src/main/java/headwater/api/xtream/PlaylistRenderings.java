package headwater.api.xtream;

import headwater.domain.archive.ArchiveSpan;
import headwater.domain.archive.ArchiveStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What {@code get.php} keeps under one {@link XtreamCatalogueStamp} value: the category names, and per lineup and form
 * the rendered live section of the playlist (every channel's {@code #EXTINF} line and URL) with holes where each
 * subscriber's credentials go. Rendering 10,000 channels reads the store and costs about 140 ms of CPU; writing a kept
 * section with the credentials between its parts is a copy. The films and series are not kept: the stamp does not see
 * their names, posters or episodes change.
 *
 * <p>Bounded: at most {@value #MAX_SECTIONS} sections and {@link #MAX_BYTES} bytes per stamp; beyond that the playlist
 * is streamed from the store as without a stamp. Thread-safe: requests run on several workers; two that miss the same
 * section at once both render it, with equal results, and one is kept.
 */
final class PlaylistRenderings {

    /** Distinct lineups and forms kept per stamp: a bound, not a working set. */
    static final int MAX_SECTIONS = 256;
    /** The most bytes of rendered sections kept per stamp (about 25 forms of a 10,000-channel lineup). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Object stamp;
    private final Map<Key, LiveSection> sections = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private volatile Map<String, String> categoryNames;

    PlaylistRenderings(Object stamp) {
        this.stamp = stamp;
    }

    Object stamp() {
        return stamp;
    }

    /** The category names by id, read once per stamp. */
    Map<String, String> categoryNames(Supplier<Map<String, String>> read) {
        Map<String, String> names = categoryNames;
        if (names == null) {
            names = Map.copyOf(read.get());
            categoryNames = names;
        }
        return names;
    }

    /** The kept section of a lineup and form, or null. */
    LiveSection section(Key key) {
        return sections.get(key);
    }

    /** Whether another section may be kept (checked before rendering one: beyond the bounds we stream). */
    boolean room() {
        return sections.size() < MAX_SECTIONS && bytes.get() < MAX_BYTES;
    }

    /** Keeps a section unless the bounds forbid it; replaces a stale one of the same key (counting the difference). */
    void keep(Key key, LiveSection section) {
        LiveSection old = sections.get(key);
        if (old == null && sections.size() >= MAX_SECTIONS) {
            return;
        }
        long growth = section.bytes().length - size(old);
        if (bytes.addAndGet(growth) > MAX_BYTES && growth > 0) {
            bytes.addAndGet(-growth);
            return;
        }
        LiveSection replaced = sections.put(key, section);
        if (replaced != old) { // another request replaced it meanwhile: count what was really replaced
            bytes.addAndGet(size(old) - size(replaced));
        }
    }

    private static long size(LiveSection section) {
        return section == null ? 0 : section.bytes().length;
    }

    /**
     * A lineup (its packages) and the form of its playlist: everything a section's bytes depend on but the
     * credentials in its URLs. {@code base} is the server's URL as the request named it (Host header).
     */
    record Key(Set<String> packageIds, boolean plus, String extension, boolean token, String base) {
    }

    /**
     * A rendered live section: the channels it shows, the archive state of each as rendered ({@link PlaylistRenderings#days}), the
     * bytes without the credentials and the offsets in them where the credentials go (in order).
     */
    record LiveSection(List<String> channelIds, int[] archiveDays, byte[] bytes, int[] holes) {

        /**
         * Cuts a section rendered with {@code marker} in place of the credentials.
         *
         * @param expected how many times the marker was written; when the bytes hold another count (a channel's text
         *                 holding the marker), null: the section cannot be kept
         */
        static LiveSection of(List<String> channelIds, int[] archiveDays, byte[] rendered, byte[] marker,
                              int expected) {
            List<Integer> found = new ArrayList<>(expected);
            for (int i = 0; i <= rendered.length - marker.length; i++) {
                if (rendered[i] == marker[0]
                        && Arrays.equals(rendered, i, i + marker.length, marker, 0, marker.length)) {
                    found.add(i);
                    i += marker.length - 1;
                }
            }
            if (found.size() != expected) {
                return null;
            }
            int[] holes = new int[expected];
            byte[] out = new byte[rendered.length - expected * marker.length];
            int from = 0;
            int at = 0;
            for (int h = 0; h < expected; h++) {
                int i = found.get(h);
                System.arraycopy(rendered, from, out, at, i - from);
                at += i - from;
                holes[h] = at;
                from = i + marker.length;
            }
            System.arraycopy(rendered, from, out, at, rendered.length - from);
            return new LiveSection(List.copyOf(channelIds), archiveDays, out, holes);
        }

        /** Whether every channel's archive state is still what the section shows. */
        boolean current(ArchiveStatus archive) {
            for (int i = 0; i < archiveDays.length; i++) {
                if (days(archive.span(channelIds.get(i))) != archiveDays[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Writes the section with {@code credentials} in every hole. */
        void write(OutputStream out, byte[] credentials) throws IOException {
            int from = 0;
            for (int hole : holes) {
                out.write(bytes, from, hole - from);
                out.write(credentials);
                from = hole;
            }
            out.write(bytes, from, bytes.length - from);
        }
    }

    /** A channel's archive state as a section records it: -1 for none, else the retention days. */
    static int days(Optional<ArchiveSpan> span) {
        return span.map(ArchiveSpan::days).orElse(-1);
    }
}
