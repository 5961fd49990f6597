package headwater.headend;

import java.util.NoSuchElementException;

/** A segment was asked for that is no longer, or not yet, on disk. The message says which and what the window holds. */
public final class SegmentUnavailableException extends NoSuchElementException {
    public enum Reason { GONE, NOT_YET_PRODUCED }

    private final Reason reason;

    SegmentUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
