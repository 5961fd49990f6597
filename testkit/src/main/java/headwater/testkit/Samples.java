package headwater.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared real-world samples ({@code shared/samples/...}) above the working directory, or under
 * {@code -Dheadwater.samples=/path/to/shared/samples}.
 */
public final class Samples {

    private Samples() {
    }

    /** The sample at {@code relative} (e.g. {@code m3u/free-tv-iptv.m3u8}). */
    public static Path path(String relative) {
        String configured = System.getProperty("headwater.samples");
        if (configured != null) {
            return Path.of(configured).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/samples/" + relative + " is in no parent of "
                + Path.of("").toAbsolutePath() + "; set -Dheadwater.samples=/path/to/shared/samples");
    }

    /** The Free-TV/IPTV playlist of 2,059 channels. */
    public static Path freeTvPlaylist() {
        return path("m3u/free-tv-iptv.m3u8");
    }
}
