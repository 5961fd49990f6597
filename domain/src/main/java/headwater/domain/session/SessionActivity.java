package headwater.domain.session;

import java.time.Instant;

/**
 * What one node saw of one session since its last report.
 *
 * @param lastSeen   the latest request or streamed chunk
 * @param bytesDelta bytes served since the previous report (not a running total)
 */
public record SessionActivity(String sessionId, Instant lastSeen, long bytesDelta) {
}
