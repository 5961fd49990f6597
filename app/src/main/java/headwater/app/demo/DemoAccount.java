package headwater.app.demo;

import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.Quality;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberRepository;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's customer side, made once and kept: a package {@value #ID} (the demo channels name it in their
 * configuration), a plan {@value #ID} on it, and a subscriber {@value #ID} on the plan with a generated password,
 * shown once when it is made (there are no default passwords).
 *
 * @param subscriber  the demo subscriber
 * @param newPassword the password made now, or empty when the subscriber existed
 */
public record DemoAccount(Subscriber subscriber, Optional<String> newPassword) {

    public static final String ID = "demo";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** Makes what is missing of the package, plan and subscriber; {@code connections} streams at once. Blocking. */
    public static DemoAccount ensure(PackageRepository packages, PlanRepository plans, SubscriberRepository subscribers,
                                     PasswordHasher hasher, int connections) {
        if (packages.find(ID).isEmpty()) {
            packages.create(Package.of(ID, "Demo"));
        }
        if (plans.find(ID).isEmpty()) {
            plans.create(new Plan(ID, "Demo", Set.of(ID), connections, Quality.UHD, Money.of(0, "EUR"),
                    BillingPeriod.months(1), true));
        }
        Optional<Subscriber> existing = subscribers.findByUsername(ID);
        if (existing.isPresent()) {
            return new DemoAccount(existing.get(), Optional.empty());
        }
        String password = password();
        Subscriber made = subscribers.create(SubscriberDraft.of(ID, ID, hasher.hash(password.toCharArray()))
                .withPlanId(ID).withMaxConnections(connections));
        return new DemoAccount(made, Optional.of(password));
    }

    /** 16 characters from 31 that cannot be mistaken for each other: about 79 bits. */
    static String password() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "DemoAccount[" + subscriber.id() + ", newPassword=" + (newPassword.isPresent() ? "***" : "none") + "]";
    }
}
