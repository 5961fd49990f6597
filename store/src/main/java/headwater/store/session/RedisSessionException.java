package headwater.store.session;

/**
 * Redis did not do what the session registry asked: unreachable, too slow (the command timeout passed) or it
 * answered with an error. The message names the Redis (password masked) and the operation.
 */
public final class RedisSessionException extends RuntimeException {

    public RedisSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
