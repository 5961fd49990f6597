package headwater.headend.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything ffmpeg reads (rtmp, srt, rtsp, files, devices), re-muxed without re-encoding to MPEG-TS on ffmpeg's stdout.
 * See {@link FfmpegInput} for the URI syntax. The process is destroyed on {@link #close()} (forcibly after a grace
 * period). When ffmpeg exits, {@link #read} returns -1 after a clean exit, or throws with the exit code and the last
 * line ffmpeg wrote on stderr.
 */
final class FfmpegSource extends MeteredSource {
    private static final Logger log = LoggerFactory.getLogger(FfmpegSource.class);
    private static final long GRACE_MILLIS = 2_000;

    private final FfmpegInput input;
    private final StderrTail stderr;
    private volatile Process process;
    private Thread stderrDrain;
    private InputStream stdout;

    private FfmpegSource(URI uri, SourceContext context, FfmpegInput input) {
        super(uri, context);
        this.input = input;
        this.stderr = new StderrTail(describe());
    }

    static FfmpegSource of(URI uri, SourceContext context) {
        return new FfmpegSource(uri, context, FfmpegInput.parse(uri, describe(uri, context)));
    }

    FfmpegInput input() {
        return input;
    }

    @Override
    public void open() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(input.command(context.ffmpegPath()));
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new IOException(describe() + " cannot start " + context.ffmpegPath() + ": " + e.getMessage(), e);
        }
        process = p;
        p.getOutputStream().close();
        stdout = p.getInputStream();
        stderrDrain = Thread.ofVirtual().name("ffmpeg-stderr-" + context.channel())
                .start(() -> stderr.drain(p.getErrorStream()));
        log.debug("{} started ffmpeg (pid {})", describe(), p.pid());
        if (isClosed()) {
            release();
        }
    }

    @Override
    protected int readSome(byte[] buf, int off, int len) throws IOException {
        if (stdout == null) {
            throw new IllegalStateException(describe() + " is not open");
        }
        int n = stdout.read(buf, off, len);
        if (n >= 0) {
            return n;
        }
        Process p = process;
        int code;
        try {
            if (!p.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IOException(describe() + ": ffmpeg closed its output but did not exit");
            }
            code = p.exitValue();
            stderrDrain.join(GRACE_MILLIS); // its last line is the one worth reporting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(describe() + " was interrupted");
        }
        if (code != 0 && !isClosed()) {
            String last = stderr.lastLine();
            throw new IOException(describe() + ": ffmpeg exited with code " + code
                    + (last.isEmpty() ? "" : ": " + last));
        }
        return -1;
    }

    @Override
    protected void release() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            p.getInputStream().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
