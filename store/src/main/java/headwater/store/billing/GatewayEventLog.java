package headwater.store.billing;

import headwater.store.Database;
import java.time.Instant;

/**
 * The gateway events already acted on ({@code gateway_event}), so that an event delivered again is answered
 * "duplicate" without being acted on. Acting is idempotent in itself (a payment applies once); this table makes the
 * second delivery cheap and visible.
 */
public final class GatewayEventLog {

    private final Database database;

    public GatewayEventLog(Database database) {
        this.database = database;
    }

    public boolean seen(String eventId) {
        return database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM gateway_event WHERE event_id = :id")
                .bind("id", eventId).mapTo(Integer.class).one() > 0);
    }

    /** Records the event; a second record of the same id (a concurrent delivery) keeps the first. */
    public void record(String eventId, String gateway, String type, Instant at, String outcome) {
        database.write(handle -> handle.createUpdate("INSERT INTO gateway_event (event_id, gateway, type, received_at, "
                        + "outcome) VALUES (:id, :gateway, :type, :at, :outcome) ON CONFLICT (event_id) DO NOTHING")
                .bind("id", eventId).bind("gateway", gateway).bind("type", type).bind("at", at.toEpochMilli())
                .bind("outcome", outcome).execute());
    }
}
