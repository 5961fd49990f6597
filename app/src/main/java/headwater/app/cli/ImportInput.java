package headwater.app.cli;

import headwater.security.outbound.Download;
import headwater.security.outbound.OutboundFetcher;
import headwater.security.outbound.OutboundPolicy;
import headwater.security.outbound.SafeUri;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What an import reads: a local file, or an http(s) URL fetched under the configuration's outbound policy (public
 * addresses only unless allowed; size and time limits). Any other scheme ({@code file://}, {@code ftp://}) is refused:
 * a local file is given as a path.
 *
 * @param name     how the import source is named by default: the file name, or the URL without its query (which
 *                 may carry credentials)
 * @param location where it was read from, for records and messages, secrets masked
 * @param address  where to read it again (a scheduled refresh): the absolute path, or the URL as given, credentials
 *                 included
 */
record ImportInput(String name, String location, String address, InputStream body) implements AutoCloseable {

    static ImportInput open(String fileOrUrl, OutboundPolicy policy) throws IOException {
        String lower = fileOrUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            Download download = new OutboundFetcher(policy).open(fileOrUrl);
            String safe = SafeUri.of(download.requested());
            int query = safe.indexOf('?');
            return new ImportInput(query < 0 ? safe : safe.substring(0, query), safe, fileOrUrl, download.body());
        }
        if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException(SafeUri.ofText(fileOrUrl) + " cannot be imported: give an http(s) URL,"
                    + " or a local file as a path (not a file:// URL)");
        }
        Path file = Path.of(fileOrUrl).toAbsolutePath();
        try {
            return new ImportInput(file.getFileName().toString(), file.toString(), file.toString(),
                    Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    /** The address is a secret when it is a URL with credentials: never in a dump of this record. */
    @Override
    public String toString() {
        return "ImportInput[" + location + "]";
    }
}
