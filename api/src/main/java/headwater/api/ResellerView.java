package headwater.api;

import headwater.domain.subscriber.CreditMovement;
import headwater.domain.subscriber.Reseller;

/** A reseller as the API returns it, with its credit balance. */
record ResellerView(String id, String name, long credits, long version, String created, String updated) {

    static ResellerView of(Reseller reseller) {
        return new ResellerView(reseller.id(), reseller.name(), reseller.credits(), reseller.version(),
                reseller.created().toString(), reseller.updated().toString());
    }

    /** One entry of a reseller's ledger. */
    record Movement(String resellerId, long version, long delta, String reason, String at, long balanceAfter) {

        static Movement of(CreditMovement movement) {
            return new Movement(movement.resellerId(), movement.version(), movement.delta(), movement.reason(),
                    movement.at().toString(), movement.balanceAfter());
        }
    }
}
