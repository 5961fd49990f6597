package headwater.payments;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified gateway event, reduced to what Headwater acts on. The object's state in the event is not trusted for
 * the outcome: events arrive late, twice, and out of order, so the handler reads the object's current state from the
 * gateway by its id.
 *
 * @param id       the event id ({@code evt_...}): processed at most once
 * @param type     e.g. {@code checkout.session.completed}, {@code charge.refunded}
 * @param objectId the id of the object the event is about ({@code cs_...}, {@code ch_...})
 * @param created  when the gateway created the event
 */
public record GatewayEvent(String id, String type, String objectId, Instant created) {

    public GatewayEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(created, "created");
    }
}
