package headwater.store.billing;

import headwater.store.Database;
import java.time.Instant;

/**
 * Which notices went out ({@code notice_sent}). {@link #claim} is the one place that decides whether a notice is sent:
 * of two nodes or two passes that want to send the same one, exactly one claims it.
 */
public final class NoticeLog {

    private final Database database;

    public NoticeLog(Database database) {
        this.database = database;
    }

    /**
     * @param kind       {@code receipt}, {@code reminder} or {@code expiry}
     * @param subjectKey what it is about: an invoice number, a period end
     * @return whether this caller may send it (nobody claimed it before)
     */
    public boolean claim(String subscriberId, String kind, String subjectKey, Instant at) {
        return database.write(handle -> handle.createUpdate("INSERT INTO notice_sent (subscriber_id, kind, subject_key, "
                        + "sent_at) VALUES (:s, :kind, :key, :at) ON CONFLICT (subscriber_id, kind, subject_key) DO NOTHING")
                .bind("s", subscriberId).bind("kind", kind).bind("key", subjectKey).bind("at", at.toEpochMilli())
                .execute() == 1);
    }
}
