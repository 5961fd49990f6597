package headwater.domain.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Where sessions and their slots live: in memory for one node, in Redis for several nodes behind one load balancer,
 * so that they enforce one limit. Every method may block (network I/O); none is called on an event loop.
 *
 * <p>The stream slots of a subscriber are their {@link SessionState#ACTIVE} sessions. An active session whose
 * {@code lastSeen} is older than its {@link PlaybackSession#idleAfter()} counts as idle wherever a count is taken,
 * whether or not a node has reported it idle yet, so a viewer who stopped never blocks a new stream.
 *
 * <p>Time: the writing methods take {@code now}; {@link #find}, {@link #list}, {@link #end} and {@link #purge} read
 * the registry's own clock to tell which sessions have expired or gone silent. Expiry is passive: an expired session
 * is reported ENDED ({@link EndReason#EXPIRED}) from its expiry on, without necessarily being announced to
 * {@link #onEnded} listeners; a node learns of it, and of any end it did not hear, from the answer to its next
 * {@link #report}. {@code SessionRegistryContract} (domain's test-jar) is the executable form of these
 * rules; every implementation's test extends it.
 */
public interface SessionRegistry extends AutoCloseable {

    /**
     * Admits a new session, atomically for its subscriber (20 admissions racing on several nodes leave at most
     * {@code maxConnections} active sessions):
     * <ol>
     *   <li>the subscriber's active sessions that have been silent longer than their {@code idleAfter} become IDLE;</li>
     *   <li>a session of the subscriber with the candidate's {@code deviceKey} that is not ENDED is ended
     *       ({@link EndReason#REPLACED}): a device re-opening or zapping reuses its slot;</li>
     *   <li>if {@code maxConnections} sessions are still active: under {@link LimitPolicy#REFUSE_NEW} the answer is
     *       {@link Admission.LimitReached} and nothing changes; under {@link LimitPolicy#END_OLDEST} the active ones
     *       that started first are ended ({@link EndReason#EVICTED}) until there is room;</li>
     *   <li>the candidate is stored ACTIVE with {@code lastSeen = now}, until its expiry.</li>
     * </ol>
     * Step 2 happens only when the candidate is admitted.
     */
    Admission admit(PlaybackSession candidate, int maxConnections, LimitPolicy policy, Instant now);

    /**
     * An IDLE (or already ACTIVE) session is requested again: it takes a slot again under the same rules as
     * {@link #admit} steps 1, 3 and 4 (it replaces no device). An ACTIVE one just gets {@code lastSeen = now}.
     *
     * @return {@link Admission.Gone} when the session is unknown, ended or expired
     */
    Admission readmit(String sessionId, int maxConnections, LimitPolicy policy, Instant now);

    /** The session, unless it is unknown or was purged; expired sessions are reported ENDED with EXPIRED. */
    Optional<SessionRecord> find(String sessionId);

    /** Ends a session; announced to every node's {@link #onEnded} listeners. @return whether it was not ended yet */
    boolean end(String sessionId, EndReason reason);

    /**
     * Records what this node saw: {@code lastSeen} moves forward only, bytes add up (also for an ended session);
     * unknown ids change nothing. A node reports every session it caches, with or without new activity, at least
     * every {@code SessionService.RECHECK_EVERY}, and ends locally the ones this answers: that is how an end
     * it did not hear through {@link #onEnded} (pub/sub keeps nothing while a node is away) still reaches it.
     *
     * @return the reported sessions that are ended (with their reason), expired ({@link EndReason#EXPIRED}, by the
     *         registry's clock) or unknown (no reason), in the order reported; empty when all are live
     */
    List<EndedSession> report(Collection<SessionActivity> activity);

    /** Sessions that are not ended and not expired, ACTIVE and IDLE, oldest first. */
    List<SessionRecord> list();

    /** The not-ended sessions of one subscriber, oldest first. */
    List<SessionRecord> listBySubscriber(String subscriberId);

    /**
     * Calls {@code listener} with the id and reason of every session ended from now on, by this node or another
     * (through Redis pub/sub), on a thread of the registry's; the listener must be quick and must not block.
     */
    void onEnded(BiConsumer<String, EndReason> listener);

    /** Forgets sessions that ended or expired before {@code before}. @return how many */
    int purge(Instant before);

    @Override
    void close();
}
