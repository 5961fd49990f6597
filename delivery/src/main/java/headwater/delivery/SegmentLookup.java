package headwater.delivery;

import java.util.Objects;

/** The answer to a request for a segment: its file, or the precise reason there is none. */
public sealed interface SegmentLookup permits SegmentFile, SegmentLookup.Gone, SegmentLookup.NotYet {

    /**
     * The segment was published but has left the window and may already be deleted.
     *
     * @param message carries the state, e.g. "segment 1100 of channel news-hd is gone: window is 1200..1233"
     */
    record Gone(String message) implements SegmentLookup {
        public Gone {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The segment has not been published yet (a sequence ahead of the live edge, or a channel that just started).
     *
     * @param message carries the state, e.g. "segment 1240 of channel news-hd is not published yet: newest is 1233"
     */
    record NotYet(String message) implements SegmentLookup {
        public NotYet {
            Objects.requireNonNull(message, "message");
        }
    }
}
