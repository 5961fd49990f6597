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
 */
public record ChannelConfig(
        String id,
        String name,
        List<URI> sources,
        Optional<URI> slate,
        Optional<Duration> targetDuration,
        Set<String> packages) {

    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public ChannelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        slate = slate == null ? Optional.empty() : slate;
        targetDuration = targetDuration == null ? Optional.empty() : targetDuration;
        packages = packages == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(packages));
    }

    /** A channel in no package of the configuration. */
    public ChannelConfig(String id, String name, List<URI> sources, Optional<URI> slate,
                         Optional<Duration> targetDuration) {
        this(id, name, sources, slate, targetDuration, Set.of());
    }

    /** The target duration this channel packages with: its own override, else the global one. */
    public Duration effectiveTargetDuration(HlsConfig hls) {
        return targetDuration.orElse(hls.targetDuration());
    }
}
