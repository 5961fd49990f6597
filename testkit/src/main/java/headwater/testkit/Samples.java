package headwater.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared real-world samples ({@code shared/samples/...}): under {@code -Dheadwater.samples=/path/to/shared/samples},
 * else above the working directory, else in this workplace's {@value #WORKPLACE} (so a clone anywhere finds them).
 */
public final class Samples {

    static final String WORKPLACE = "/work/shared/samples";

    private Samples() {
    }

    /** The sample (file or folder) at {@code relative} (e.g. {@code m3u/free-tv-iptv.m3u8}, {@code xmltv}). */
    public static Path path(String relative) {
        String configured = System.getProperty("headwater.samples");
        if (configured != null) {
            return Path.of(configured).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        Path workplace = Path.of(WORKPLACE).resolve(relative);
        if (Files.exists(workplace)) {
            return workplace;
        }
        throw new IllegalStateException("shared/samples/" + relative + " is in no parent of "
                + Path.of("").toAbsolutePath() + " nor in " + WORKPLACE + "; set -Dheadwater.samples=/path/to/shared/samples");
    }

    /** The Free-TV/IPTV playlist of 2,059 channels. */
    public static Path freeTvPlaylist() {
        return path("m3u/free-tv-iptv.m3u8");
    }
}
