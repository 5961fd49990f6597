package headwater.app.demo;

/** ffmpeg could not render a demo loop; the message carries the command's exit and its last error line. */
public final class DemoRenderException extends RuntimeException {

    public DemoRenderException(String message) {
        super(message);
    }

    public DemoRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
