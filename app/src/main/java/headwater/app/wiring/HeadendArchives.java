package headwater.app.wiring;

import headwater.app.config.ArchiveConfig;
import headwater.delivery.ArchiveCatalog;
import headwater.delivery.ArchivedSegment;
import headwater.domain.archive.ArchiveSpan;
import headwater.domain.archive.ArchiveStatus;
import headwater.headend.archive.ArchiveEntry;
import headwater.headend.archive.ArchiveRange;
import headwater.headend.archive.Archives;
import headwater.headend.keys.StreamKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The headend's catch-up {@link Archives} as delivery's {@link ArchiveCatalog} (the files of a window) and as the
 * domain's {@link ArchiveStatus} (what a channel's archive holds, for {@code tv_archive}, {@code has_archive} and the
 * M3U catch-up attributes). Both answer from the archives' in-memory index: no disk or network access, no blocking
 * beyond a per-channel lock held for a binary search.
 *
 * <p>An archive counts as long as it holds segments, also while its channel is stopped (it ages out with the
 * retention it was recorded with); whether a subscriber may play it is the session gate's business.
 */
public final class HeadendArchives implements ArchiveCatalog, ArchiveStatus, AutoCloseable {

    private final Archives archives;
    private volatile StreamKeys keys;

    /** Over archives someone else opened and closes. */
    public HeadendArchives(Archives archives) {
        this.archives = Objects.requireNonNull(archives, "archives");
    }

    /**
     * Opens the archives of {@code archive.*} ({@code <dataDir>/archive} by default) and starts their background
     * retention; {@link #close} closes them, after the headend that records into them.
     *
     * @throws java.io.UncheckedIOException the archive directory cannot be created or read
     */
    public static HeadendArchives open(ArchiveConfig config, Path dataDir, MeterRegistry registry, InstantSource clock) {
        Archives archives = Archives.open(config.directory(dataDir), config.maxBytes(), registry, clock);
        archives.start();
        return new HeadendArchives(archives);
    }

    /** The archives, for {@code new Headend(dataDir, sources, registry, clock, archives())}. */
    public Archives archives() {
        return archives;
    }

    /** Answers the key route of archive windows from {@code keys} (the headend's). */
    public HeadendArchives keys(StreamKeys keys) {
        this.keys = keys;
        return this;
    }

    @Override
    public Optional<byte[]> key(String channelId, String keyId) {
        StreamKeys k = keys;
        return k == null ? Optional.empty() : k.stored(channelId, keyId);
    }

    /** Stops the retention thread and unregisters the meters; the files stay. */
    @Override
    public void close() {
        archives.close();
    }

    @Override
    public List<ArchivedSegment> window(String channelId, Instant from, Instant to) {
        if (channelId == null || from == null || to == null) {
            return List.of();
        }
        return archives.window(channelId, from, to).stream().map(HeadendArchives::segment).toList();
    }

    @Override
    public Optional<ArchiveSpan> span(String channelId) {
        if (channelId == null) {
            return Optional.empty();
        }
        return archives.span(channelId).filter(r -> r.days() >= 1).map(HeadendArchives::span);
    }

    private static ArchivedSegment segment(ArchiveEntry e) {
        return new ArchivedSegment(e.sequence(), e.start(), e.durationMicros(), e.sizeBytes(), e.file(),
                e.discontinuity(), e.encryption() == null ? null : e.encryption().keyId(),
                e.encryption() == null ? null : e.encryption().iv());
    }

    private static ArchiveSpan span(ArchiveRange r) {
        return new ArchiveSpan(r.first(), r.last(), r.days());
    }
}
