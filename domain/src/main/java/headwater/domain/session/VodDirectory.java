package headwater.domain.session;

import java.util.Optional;

/**
 * The films and episodes a session may be opened for. Implemented by the application over the VOD catalogue; may
 * block (it is asked when a session opens or resumes, never on an event loop).
 */
public interface VodDirectory {

    /** @return the film, or empty when no film has that id */
    Optional<VodEntry> movie(String id);

    /** @return the episode (enabled and packaged as its series is), or empty when no episode has that id */
    Optional<VodEntry> episode(String id);

    /** No films or episodes at all: every VOD target is {@link Denial#TARGET_UNKNOWN}. */
    VodDirectory NONE = new VodDirectory() {
        @Override
        public Optional<VodEntry> movie(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<VodEntry> episode(String id) {
            return Optional.empty();
        }
    };
}
