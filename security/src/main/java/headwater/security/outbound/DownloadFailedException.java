package headwater.security.outbound;

import java.io.IOException;

/**
 * A permitted download did not succeed: no connection, a status other than 200, a malformed response, or a limit of
 * {@link FetchLimits} reached (size, total time, idle time). The message names the URL (secrets masked) and the
 * limit or status.
 */
public final class DownloadFailedException extends IOException {

    public DownloadFailedException(String message) {
        super(message);
    }

    public DownloadFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
