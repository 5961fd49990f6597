package headwater.domain.session;

import java.util.Objects;

/**
 * A session a node reported ({@link SessionRegistry#report}) that the registry holds no live one for: the node ends
 * its cached copy, which covers any end announcement it missed (pub/sub keeps nothing for a node that was away).
 *
 * @param reason why it ended ({@link EndReason#EXPIRED} once its expiry passed); null when the registry does not know
 *               the session (purged, or lost with the registry's data)
 */
public record EndedSession(String sessionId, EndReason reason) {

    public EndedSession {
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** Whether the registry does not know the session at all. */
    public boolean unknown() {
        return reason == null;
    }
}
