package headwater.domain.m3u;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/samples/m3u/free-tv-iptv.m3u8} above the working directory (or {@code -Dheadwater.samples}). */
final class SamplePlaylist {

    private static final String RELATIVE = "m3u/free-tv-iptv.m3u8";

    private SamplePlaylist() {
    }

    static Path freeTvIptv() {
        String configured = System.getProperty("headwater.samples");
        if (configured != null) {
            return Path.of(configured).resolve(RELATIVE);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples").resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/samples/" + RELATIVE + " is in no parent of "
                + Path.of("").toAbsolutePath() + "; set -Dheadwater.samples=/path/to/shared/samples");
    }
}
