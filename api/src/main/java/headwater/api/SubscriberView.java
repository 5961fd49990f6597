package headwater.api;

import headwater.domain.subscriber.NetworkRange;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberStatus;
import java.util.List;

/** A subscriber as the API returns it: never the password nor its hash. Times are ISO-8601 UTC. */
record SubscriberView(String id, String username, SubscriberStatus status, String expiry, int maxConnections,
                      List<OutputFormat> outputFormats, List<String> allowedNetworks, List<String> packageIds,
                      String planId, String notes, String resellerId, long version, String created, String updated) {

    static SubscriberView of(Subscriber subscriber) {
        return new SubscriberView(subscriber.id(), subscriber.username(), subscriber.status(),
                subscriber.expiry() == null ? null : subscriber.expiry().toString(), subscriber.maxConnections(),
                List.copyOf(subscriber.outputFormats()),
                subscriber.allowedNetworks().stream().map(NetworkRange::toString).toList(),
                List.copyOf(subscriber.packageIds()), subscriber.planId(), subscriber.notes(),
                subscriber.owner().resellerId(), subscriber.version(), subscriber.created().toString(),
                subscriber.updated().toString());
    }
}
