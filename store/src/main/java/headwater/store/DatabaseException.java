package headwater.store;

/**
 * The database cannot be used: an unsupported URL, an unreachable server, a file that cannot be opened, migrations
 * that do not match. The message names the database (URL with the password masked) and the cause.
 */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
