package headwater.delivery;

import java.net.InetAddress;
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
     * proxied, passing the client's {@code Range} and {@code If-Range} through, following no redirect.
     *
     * @param address the address the policy checked the host's name to, which the proxy connects to (so the name
     *                cannot resolve to another, private, address in between); null to resolve the name when
     *                connecting
     */
    record Remote(URI uri, String contentType, InetAddress address) implements VodFile {
        public Remote {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(contentType, "contentType");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("a remote VOD file needs an http(s) URL with a host, not "
                        + (uri.getScheme() == null ? "a relative URI" : uri.getScheme() + ": URI"));
            }
        }

        /** A URL whose host is resolved when connecting. */
        public Remote(URI uri, String contentType) {
            this(uri, contentType, null);
        }
    }
}
