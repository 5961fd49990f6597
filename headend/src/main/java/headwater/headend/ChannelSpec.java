package headwater.headend;

import headwater.media.ts.DemuxOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a channel is: where its input comes from and how it is packaged. Validated on construction; every error names
 * the field and the channel.
 *
 * @param id a slug ({@code news-hd}): lower-case letters, digits and single dashes, used in paths and URLs
 * @param name what people see
 * @param sources the failover chain, most preferred first
 * @param slate what plays when every source is dead, or null for nothing (the playlist then stops growing)
 * @param targetDuration the HLS segment duration aimed at
 * @param window segments listed in the media playlist (at least 3, RFC 8216 §6.2.2)
 * @param extraOnDisk segments kept on disk beyond the playlist, for clients that fetch late
 * @param health when a source counts as failed
 * @param backoff how dead sources are retried
 * @param demux which program and which non-audio/video PIDs are kept
 * @param archiveDays days of catch-up recorded ({@link headwater.headend.archive.Archives}), 0 (none) to
 *     {@value #MAX_ARCHIVE_DAYS}
 * @param encrypted whether the HLS segments are encrypted with AES-128 under the channel's rotating keys (RFC 8216
 *     {@code METHOD=AES-128}); the continuous MPEG-TS stream stays in the clear, inside its session
 */
public record ChannelSpec(
        String id,
        String name,
        List<URI> sources,
        URI slate,
        Duration targetDuration,
        int window,
        int extraOnDisk,
        HealthThresholds health,
        Backoff backoff,
        DemuxOptions demux,
        int archiveDays,
        boolean encrypted) {

    public static final Duration DEFAULT_TARGET_DURATION = Duration.ofSeconds(4);
    public static final int DEFAULT_WINDOW = 6;
    public static final int DEFAULT_EXTRA_ON_DISK = 4;
    /** The catalogue's limit (domain ChannelDraft.MAX_ARCHIVE_DAYS): a year. */
    public static final int MAX_ARCHIVE_DAYS = 365;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ChannelSpec {
        if (id == null || id.length() > 64 || !SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException("channel id '" + id
                    + "' must be a slug of 1..64 characters: lower-case letters, digits and single dashes");
        }
        String where = "channel " + id + ": ";
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(where + "name must not be blank");
        }
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException(where + "sources must list at least one source URI");
        }
        List<URI> copy = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            copy.add(requireAbsolute(where + "sources[" + i + "]", sources.get(i)));
        }
        sources = List.copyOf(copy);
        if (slate != null) {
            requireAbsolute(where + "slate", slate);
        }
        if (targetDuration == null || targetDuration.compareTo(Duration.ofSeconds(1)) < 0
                || targetDuration.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException(where + "targetDuration must be between 1 s and 30 s, got " + targetDuration);
        }
        if (window < 3) {
            throw new IllegalArgumentException(where + "window must list at least 3 segments (RFC 8216 §6.2.2), got " + window);
        }
        if (extraOnDisk < 0) {
            throw new IllegalArgumentException(where + "extraOnDisk must be 0 or more, got " + extraOnDisk);
        }
        if (health == null) {
            throw new IllegalArgumentException(where + "health must be set");
        }
        if (backoff == null) {
            throw new IllegalArgumentException(where + "backoff must be set");
        }
        if (demux == null) {
            throw new IllegalArgumentException(where + "demux must be set");
        }
        if (archiveDays < 0 || archiveDays > MAX_ARCHIVE_DAYS) {
            throw new IllegalArgumentException(where + "archiveDays must be between 0 and " + MAX_ARCHIVE_DAYS
                    + ", got " + archiveDays);
        }
    }

    /** A channel in the clear. */
    public ChannelSpec(String id, String name, List<URI> sources, URI slate, Duration targetDuration, int window,
            int extraOnDisk, HealthThresholds health, Backoff backoff, DemuxOptions demux, int archiveDays) {
        this(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux, archiveDays, false);
    }

    /** A channel without catch-up, in the clear. */
    public ChannelSpec(String id, String name, List<URI> sources, URI slate, Duration targetDuration, int window,
            int extraOnDisk, HealthThresholds health, Backoff backoff, DemuxOptions demux) {
        this(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux, 0);
    }

    /** A channel with the default packaging, health thresholds and backoff, and no slate. */
    public static ChannelSpec of(String id, String name, List<URI> sources) {
        return new ChannelSpec(id, name, sources, null, DEFAULT_TARGET_DURATION, DEFAULT_WINDOW, DEFAULT_EXTRA_ON_DISK,
                HealthThresholds.DEFAULTS, Backoff.DEFAULTS, DemuxOptions.DEFAULTS, 0, false);
    }

    public ChannelSpec withSlate(URI slate) {
        return new ChannelSpec(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux,
                archiveDays, encrypted);
    }

    public ChannelSpec withTargetDuration(Duration targetDuration) {
        return new ChannelSpec(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux,
                archiveDays, encrypted);
    }

    public ChannelSpec withWindow(int window, int extraOnDisk) {
        return new ChannelSpec(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux,
                archiveDays, encrypted);
    }

    public ChannelSpec withHealth(HealthThresholds health) {
        return new ChannelSpec(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux,
                archiveDays, encrypted);
    }

    public ChannelSpec withBackoff(Backoff backoff) {
        return new ChannelSpec(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux,
                archiveDays, encrypted);
    }

    public ChannelSpec withDemux(DemuxOptions demux) {
        return new ChannelSpec(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux,
                archiveDays, encrypted);
    }

    /** The same channel recording {@code archiveDays} days of catch-up (0: none). */
    public ChannelSpec withArchiveDays(int archiveDays) {
        return new ChannelSpec(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux,
                archiveDays, encrypted);
    }

    /** The same channel with its HLS segments encrypted (AES-128) or in the clear. */
    public ChannelSpec withEncrypted(boolean encrypted) {
        return new ChannelSpec(id, name, sources, slate, targetDuration, window, extraOnDisk, health, backoff, demux,
                archiveDays, encrypted);
    }

    /**
     * How long a retired content key must stay known: while segments encrypted with it may be served, that is the
     * segments on disk (twice their span, at least an hour) and, with catch-up, the archive's days plus one.
     */
    public Duration keyRetention() {
        Duration onDisk = targetDuration.multipliedBy(2L * (window + extraOnDisk));
        Duration live = onDisk.compareTo(Duration.ofHours(1)) > 0 ? onDisk : Duration.ofHours(1);
        return archiveDays == 0 ? live : live.plus(Duration.ofDays(archiveDays + 1L));
    }

    /** The source URI at {@code index}, or the slate for {@code index == sources().size()}. */
    public URI sourceAt(int index) {
        return index == sources.size() ? slate : sources.get(index);
    }

    private static URI requireAbsolute(String field, URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException(field + " must be an absolute URI with a scheme, got '" + uri + "'");
        }
        return uri;
    }
}
