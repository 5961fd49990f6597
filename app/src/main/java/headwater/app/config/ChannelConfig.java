package headwater.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One live channel.
 *
 * @param id             URL-safe slug, unique ({@value #ID_PATTERN})
 * @param name           what viewers see
 * @param sources        the failover chain, most preferred first
 * @param slate          what to play when every source is down
 * @param targetDuration overrides {@code hls.targetDuration} for this channel
 * @param packages       catalogue packages that entitle to this channel, beside any catalogue package that lists its
 *                       id (a configuration channel is not in the catalogue, so a package cannot name it otherwise)
 * @param archiveDays    days of catch-up recorded and kept, 0 (none) to {@value #MAX_ARCHIVE_DAYS}
 * @param encrypted      whether its HLS segments are encrypted with AES-128 ({@code encryption: aes-128}; the default
 *                       {@code none} leaves them in the clear)
 */
public record ChannelConfig(
        String id,
        String name,
        List<URI> sources,
        Optional<URI> slate,
        Optional<Duration> targetDuration,
        Set<String> packages,
        int archiveDays,
        boolean encrypted) {

    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    public static final int MAX_ARCHIVE_DAYS = 365;

    public ChannelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        slate = slate == null ? Optional.empty() : slate;
        targetDuration = targetDuration == null ? Optional.empty() : targetDuration;
        packages = packages == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(packages));
        if (archiveDays < 0 || archiveDays > MAX_ARCHIVE_DAYS) {
            throw new IllegalArgumentException("archiveDays must be 0.." + MAX_ARCHIVE_DAYS + ", got " + archiveDays);
        }
    }

    /** {@code channels[].encryption} for encrypted segments. */
    public static final String AES_128 = "aes-128";
    /** {@code channels[].encryption} for segments in the clear (the default). */
    public static final String NONE = "none";

    /** A channel in the clear. */
    public ChannelConfig(String id, String name, List<URI> sources, Optional<URI> slate,
                         Optional<Duration> targetDuration, Set<String> packages, int archiveDays) {
        this(id, name, sources, slate, targetDuration, packages, archiveDays, false);
    }

    /** A channel without catch-up. */
    public ChannelConfig(String id, String name, List<URI> sources, Optional<URI> slate,
                         Optional<Duration> targetDuration, Set<String> packages) {
        this(id, name, sources, slate, targetDuration, packages, 0, false);
    }

    /** The same channel keeping {@code days} of catch-up. */
    public ChannelConfig withArchiveDays(int days) {
        return new ChannelConfig(id, name, sources, slate, targetDuration, packages, days, encrypted);
    }

    /** The same channel with its HLS segments encrypted (AES-128) or in the clear. */
    public ChannelConfig withEncrypted(boolean encrypted) {
        return new ChannelConfig(id, name, sources, slate, targetDuration, packages, archiveDays, encrypted);
    }

    /** A channel in no package of the configuration. */
    public ChannelConfig(String id, String name, List<URI> sources, Optional<URI> slate,
                         Optional<Duration> targetDuration) {
        this(id, name, sources, slate, targetDuration, Set.of(), 0, false);
    }

    /** The target duration this channel packages with: its own override, else the global one. */
    public Duration effectiveTargetDuration(HlsConfig hls) {
        return targetDuration.orElse(hls.targetDuration());
    }
}
