package headwater.security.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The socket's input with both time limits: before every read the socket timeout is set to the idle limit or the
 * time left of the total, whichever is shorter, so a server that sends nothing trips the idle limit and one that
 * drips a byte a second trips the total.
 */
final class TimedInputStream extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private final Duration idle;
    private final Deadline deadline;
    private final String shown;
    private boolean armedForTotal;

    TimedInputStream(Socket socket, Duration idle, Deadline deadline, String shown) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.idle = idle;
        this.deadline = deadline;
        this.shown = shown;
    }

    @Override
    public int read() throws IOException {
        arm();
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw timedOut();
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        arm();
        try {
            return in.read(buf, off, len);
        } catch (SocketTimeoutException e) {
            throw timedOut();
        }
    }

    private void arm() throws IOException {
        long left = deadline.remainingMillis();
        if (left <= 0) {
            throw totalExceeded();
        }
        armedForTotal = left < idle.toMillis();
        socket.setSoTimeout((int) Math.max(1, Math.min(idle.toMillis(), Math.min(left, Integer.MAX_VALUE))));
    }

    private DownloadFailedException timedOut() {
        return armedForTotal || deadline.passed() ? totalExceeded()
                : new DownloadFailedException(shown + " sent nothing for " + idle.toMillis() + " ms (the idle limit)");
    }

    private DownloadFailedException totalExceeded() {
        return new DownloadFailedException(shown + " took longer than the total limit of " + deadline.total().toMillis()
                + " ms");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
