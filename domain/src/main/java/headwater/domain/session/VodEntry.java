package headwater.domain.session;

import java.util.Objects;
import java.util.Set;

/**
 * What session control needs to know of a film or an episode.
 *
 * @param id            the film's or episode's id
 * @param enabled       whether it is offered (an episode: whether its series is); a disabled one is
 *                      {@link Denial#TARGET_UNKNOWN}
 * @param packageIds    the packages that contain it (an episode: those that contain its series)
 * @param bitsPerSecond the file's overall bitrate as the media probe read it, which a session reserves; 0 when not
 *                      known (not probed yet, or the container does not say): then the default bitrate is reserved
 */
public record VodEntry(String id, boolean enabled, Set<String> packageIds, long bitsPerSecond) implements TargetEntry {
    public VodEntry {
        Objects.requireNonNull(id, "id");
        packageIds = Set.copyOf(packageIds);
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("film or episode " + id + " has a negative bitrate: " + bitsPerSecond);
        }
    }
}
