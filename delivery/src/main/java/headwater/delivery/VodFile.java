package headwater.delivery;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** Where a film's or an episode's media is. */
public sealed interface VodFile {

    /** The MIME type sent, e.g. {@code video/mp4}, {@code video/x-matroska}, {@code video/mp2t}. */
    String contentType();

    /** A file on this machine: served with byte ranges by {@code sendfile}. */
    record Local(Path path, String contentType) implements VodFile {
        public Local {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    /**
     * An http(s) URL that the application has already checked against its outbound policy (no private addresses):
     * proxied, passing the client's {@code Range} through.
     */
    record Remote(URI uri, String contentType) implements VodFile {
        public Remote {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(contentType, "contentType");
        }
    }
}
