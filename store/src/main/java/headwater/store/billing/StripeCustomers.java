package headwater.store.billing;

import headwater.store.Database;
import java.util.Optional;
import java.util.function.Supplier;

/** Which Stripe Customer ({@code cus_...}) stands for which subscriber ({@code stripe_customer}). */
public final class StripeCustomers {

    private final Database database;

    public StripeCustomers(Database database) {
        this.database = database;
    }

    public Optional<String> find(String subscriberId) {
        return database.read(handle -> handle.createQuery("SELECT customer_id FROM stripe_customer WHERE "
                + "subscriber_id = :s").bind("s", subscriberId).mapTo(String.class).findOne());
    }

    /**
     * The subscriber's customer, made with {@code make} the first time. Making it is idempotent at Stripe (the
     * subscriber id is its idempotency key), so two first payments at once end with one customer.
     */
    public String ensure(String subscriberId, Supplier<String> make) {
        Optional<String> known = find(subscriberId);
        if (known.isPresent()) {
            return known.get();
        }
        String made = make.get();
        database.write(handle -> handle.createUpdate("INSERT INTO stripe_customer (subscriber_id, customer_id) VALUES "
                + "(:s, :c) ON CONFLICT (subscriber_id) DO NOTHING").bind("s", subscriberId).bind("c", made).execute());
        return find(subscriberId).orElse(made);
    }
}
