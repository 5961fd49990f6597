package headwater.delivery;

import java.util.concurrent.CompletionStage;

/** The answer of a {@link PlaybackGate}. */
public sealed interface GateDecision {

    /** Serve the request for this viewer. */
    record Pass(Viewer viewer) implements GateDecision {
    }

    /**
     * 403 with one generic body whatever the reason (bad token, expired, ended, not entitled): the reason is the
     * gate's to log and count, never the client's to read.
     */
    record Refuse() implements GateDecision {
    }

    /** 503 with {@code Retry-After}: the node's egress capacity is full. */
    record Busy(int retryAfterSeconds) implements GateDecision {
    }

    /** The answer needs I/O; the server waits for it (and drops it if the client has gone). */
    record Later(CompletionStage<GateDecision> decision) implements GateDecision {
    }

    GateDecision REFUSE = new Refuse();
}
