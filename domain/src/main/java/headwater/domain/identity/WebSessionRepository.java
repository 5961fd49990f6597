package headwater.domain.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored web sessions, by the digest of their cookie. */
public interface WebSessionRepository {

    void create(WebSession session);

    /** The session with this id, if it exists and has not expired at {@code now}. */
    Optional<WebSession> find(String id, Instant now);

    /** Notes a use: moves last-seen and the idle expiry forward (never back). */
    void touch(String id, Instant lastSeen, Instant expires);

    /** @return whether the session existed */
    boolean proveSecondFactor(String id, Instant at);

    /** @return whether it existed */
    boolean delete(String id);

    /** Ends every session of {@code owner} but {@code except} (null: all of them). @return how many ended */
    int deleteAllOf(SessionOwner owner, String except);

    /** The owner's live sessions at {@code now}, newest first. */
    List<WebSession> listOf(SessionOwner owner, Instant now);

    /** Removes sessions that expired before {@code now}. @return how many */
    int purgeExpired(Instant now);
}
