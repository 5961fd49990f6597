package headwater.domain.guide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Opens a source's guide for reading: a file, or a download. Downloads (and their checks against SSRF, size and time
 * limits) belong to the application, which supplies a fetcher; the domain only reads local files.
 */
@FunctionalInterface
public interface GuideFetcher {

    /** The guide of {@code source}, plain or gzip; the caller closes it. */
    InputStream open(GuideSource source) throws IOException;

    /** A fetcher for local file paths only; it refuses URLs (a {@code scheme://} location) with the reason. */
    static GuideFetcher localFiles() {
        Pattern url = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
        return source -> {
            String location = source.location();
            if (url.matcher(location).matches()) {
                throw new IOException("guide source " + source.id() + ": " + location + " is a URL; this fetcher reads"
                        + " local files only");
            }
            try {
                return Files.newInputStream(Path.of(location));
            } catch (InvalidPathException e) {
                throw new IOException("guide source " + source.id() + ": " + location + " is not a file path: "
                        + e.getMessage(), e);
            }
        };
    }
}
