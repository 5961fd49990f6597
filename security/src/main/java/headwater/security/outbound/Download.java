package headwater.security.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * A response being downloaded: its body (decoded from gzip when it was compressed, limited in size and time) and
 * where it came from. Close it to close the connection.
 *
 * @param requested the URL asked for
 * @param uri       the URL that answered, after redirects
 */
public record Download(URI requested, URI uri, Optional<String> contentType, InputStream body) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
