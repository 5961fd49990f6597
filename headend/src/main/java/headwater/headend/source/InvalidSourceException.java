package headwater.headend.source;

/**
 * A source URI that cannot work, found before any I/O: unknown scheme, missing port, unknown option. The message names
 * the source (credentials masked), the channel and what is expected, so it can be shown to whoever wrote the config.
 */
public final class InvalidSourceException extends IllegalArgumentException {
    public InvalidSourceException(String message) {
        super(message);
    }
}
