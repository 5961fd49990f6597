package headwater.delivery;

import java.util.Objects;

/** A playlist as the headend has it right now: either its bytes or the reason it has none yet. */
public sealed interface Playlist {

    /**
     * A complete playlist.
     *
     * @param body the UTF-8 playlist text; the server does not copy it, so the producer must never change the array
     *             after handing it out (publish a new array for every new playlist version)
     */
    record Ready(byte[] body) implements Playlist {
        public Ready {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * No playlist yet, typically because no segment has been published since the channel started.
     *
     * @param reason for the log and the 503 body, e.g. "channel news-hd has no segment yet: source udp://... starting"
     */
    record NotReady(String reason) implements Playlist {
        public NotReady {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
