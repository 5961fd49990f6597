package headwater.store.subscriber;

import static headwater.store.subscriber.Customers.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.MacAddress;
import headwater.domain.subscriber.NetworkRange;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberQuery;
import headwater.domain.subscriber.SubscriberSort;
import headwater.domain.subscriber.SubscriberStatus;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

class SubscriberRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    private static SubscriberDraft full(String id, String username) {
        return new SubscriberDraft(id, username, Customers.HASH, SubscriberStatus.ACTIVE,
                Instant.parse("2027-01-31T23:59:59.999Z"), 3, Set.of(OutputFormat.HLS),
                List.of(NetworkRange.parse("2001:db8::/32"), NetworkRange.parse("192.0.2.0/24")),
                Set.of("sports", "movies"), "gold", "Pays by bank transfer.\nCall before noon.", Owner.reseller("r1"));
    }

    @EachDatabase
    void creates_and_reads_back_every_field(TestStore store) {
        Customers customers = Customers.of(store).withBasics();
        SubscriberDraft draft = full("s1", "Alice");

        Subscriber created = customers.subscribers().create(draft);

        assertThat(created).isEqualTo(new Subscriber(draft, 1, NOW, NOW));
        Subscriber read = customers.subscribers().get("s1");
        assertThat(read).isEqualTo(created);
        assertThat(read.allowedNetworks()).extracting(NetworkRange::toString).containsExactly("2001:db8::/32", "192.0.2.0/24");
        assertThat(read.packageIds()).containsExactly("movies", "sports");
        assertThat(read.expiry()).isEqualTo(Instant.parse("2027-01-31T23:59:59.999Z"));
        assertThat(read.passwordHash()).isEqualTo(Customers.HASH);
        assertThat(customers.subscribers().findByUsername("ALICE")).contains(created);
        assertThat(customers.subscribers().findByUsername("alice")).contains(created);
        assertThat(customers.subscribers().findByUsername("alic")).isEmpty();
        assertThat(customers.subscribers().find("absent")).isEmpty();
        assertThatThrownBy(() -> customers.subscribers().get("absent")).isInstanceOf(NotFoundException.class)
                .hasMessage("subscriber absent does not exist");
    }

    @EachDatabase
    void an_update_replaces_every_field_and_moves_the_version_on(TestStore store) {
        Customers customers = Customers.of(store).withBasics();
        Subscriber created = customers.subscribers().create(full("s1", "Alice"));
        SubscriberDraft changed = created.draft().withUsername("alice.b").withStatus(SubscriberStatus.BANNED)
                .withExpiry(null).withMaxConnections(1).withOutputFormats(Set.of(OutputFormat.TS, OutputFormat.HLS))
                .withAllowedNetworks(List.of()).withPackageIds(Set.of("sports")).withPlanId(null).withNotes(null)
                .withOwner(Owner.OPERATOR)
                .withPasswordHash(new PasswordHash("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));

        Subscriber updated = customers.subscribers().update(created.version(), changed);

        assertThat(updated).isEqualTo(new Subscriber(changed, 2, NOW, NOW));
        assertThat(customers.subscribers().get("s1")).isEqualTo(updated);
        assertThat(customers.subscribers().findByUsername("Alice")).isEmpty();
        assertThatThrownBy(() -> customers.subscribers().update(1, changed.withNotes("late")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("subscriber s1 was changed concurrently: the update expected version 1, the stored version "
                        + "is 2; read it again and reapply the change");
        assertThatThrownBy(() -> customers.subscribers().update(1, subscriber("ghost", "ghost")))
                .isInstanceOf(NotFoundException.class).hasMessage("subscriber ghost does not exist");
        assertThat(customers.subscribers().get("s1")).isEqualTo(updated);
    }

    @EachDatabase
    void usernames_are_unique_ignoring_case_and_the_error_names_both(TestStore store) {
        Customers customers = Customers.of(store);
        customers.subscribers().create(subscriber("s1", "Alice"));
        Subscriber bob = customers.subscribers().create(subscriber("s2", "bob"));

        assertThatThrownBy(() -> customers.subscribers().create(subscriber("s3", "ALICE")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("subscriber username ALICE is already used by subscriber s1 (as Alice); usernames are "
                        + "compared ignoring case")
                .satisfies(e -> assertThat(((DuplicateKeyException) e).value()).isEqualTo("ALICE"));
        assertThatThrownBy(() -> customers.subscribers().create(subscriber("s3", "Alice")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("subscriber username Alice is already used by subscriber s1; usernames are compared "
                        + "ignoring case");
        assertThatThrownBy(() -> customers.subscribers().update(1, bob.draft().withUsername("aLiCe")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("subscriber username aLiCe is already used by subscriber s1 (as Alice); usernames are "
                        + "compared ignoring case");
        assertThatThrownBy(() -> customers.subscribers().create(subscriber("s1", "carol")))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("subscriber id s1 already exists");

        // A subscriber may change the case of its own username.
        assertThat(customers.subscribers().update(1, bob.draft().withUsername("Bob")).username()).isEqualTo("Bob");
        assertThat(customers.subscribers().count(SubscriberQuery.firstPage(10))).isEqualTo(2);
        assertThat(customers.subscribers().get("s2").version()).isEqualTo(2);
    }

    @EachDatabase
    void unknown_packages_plans_and_resellers_are_precise_errors_and_change_nothing(TestStore store) {
        Customers customers = Customers.of(store).withBasics();

        assertThatThrownBy(() -> customers.subscribers().create(subscriber("s1", "alice")
                .withPackageIds(Set.of("sports", "kids", "adult"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("subscriber s1 refers to unknown package ids [adult, kids]");
        assertThatThrownBy(() -> customers.subscribers().create(subscriber("s1", "alice").withPlanId("platinum")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("subscriber s1 refers to unknown plan id [platinum]");
        assertThatThrownBy(() -> customers.subscribers().create(subscriber("s1", "alice").withOwner(Owner.reseller("r9"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("subscriber s1 refers to unknown reseller id [r9]");
        assertThat(customers.subscribers().find("s1")).isEmpty();

        Subscriber alice = customers.subscribers().create(subscriber("s1", "alice"));
        assertThatThrownBy(() -> customers.subscribers().update(1, alice.draft().withPlanId("platinum")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("subscriber s1 refers to unknown plan id [platinum]");
        assertThat(customers.subscribers().get("s1")).isEqualTo(alice);
    }

    @EachDatabase
    void sql_and_markup_in_every_text_field_are_stored_and_returned_verbatim(TestStore store) {
        Customers customers = Customers.of(store).withBasics();
        int n = 0;
        for (String text : Customers.HOSTILE_TEXT) {
            n++;
            String notes = text + "\r\n\t" + text;
            Subscriber created = customers.subscribers().create(subscriber("s" + n, "user" + n).withNotes(notes)
                    .withOwner(Owner.reseller("r1")));
            assertThat(customers.subscribers().get("s" + n)).isEqualTo(created);
            assertThat(customers.subscribers().get("s" + n).notes()).isEqualTo(notes);
        }
        assertThat(customers.subscribers().count(SubscriberQuery.firstPage(1))).isEqualTo(Customers.HOSTILE_TEXT.size());
        // The LIKE wildcards of a prefix are literal.
        assertThat(customers.subscribers().list(SubscriberQuery.firstPage(10).usernameStartingWith("user_")).items())
                .isEmpty();
        assertThat(customers.subscribers().list(SubscriberQuery.firstPage(10).usernameStartingWith("%")).items())
                .isEmpty();
    }

    @EachDatabase
    void twenty_writers_retrying_on_conflict_lose_no_update(TestStore store) throws Exception {
        Customers customers = Customers.of(store);
        customers.subscribers().create(subscriber("s1", "alice").withNotes("start"));
        int writers = 20;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        AtomicInteger conflicts = new AtomicInteger();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String line = "change " + i;
                results.add(threads.submit(() -> {
                    start.await();
                    for (int attempt = 1; ; attempt++) {
                        Subscriber current = customers.subscribers().get("s1");
                        try {
                            customers.subscribers().update(current.version(),
                                    current.draft().withNotes(current.notes() + "\n" + line));
                            return attempt;
                        } catch (ConcurrentUpdateException lost) {
                            conflicts.incrementAndGet();
                            assertThat(lost.expectedVersion()).isEqualTo(current.version());
                            assertThat(lost.actualVersion()).isGreaterThan(current.version());
                        }
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
        Subscriber last = customers.subscribers().get("s1");
        assertThat(last.version()).isEqualTo(1 + writers);
        List<String> lines = last.notes().lines().toList();
        assertThat(lines).hasSize(1 + writers).startsWith("start");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < writers; i++) {
            expected.add("change " + i);
        }
        assertThat(new HashSet<>(lines.subList(1, lines.size()))).isEqualTo(expected);
        System.out.println(store + ": " + writers + " writers, " + conflicts.get() + " conflicts retried");
    }

    @EachDatabase
    void of_concurrent_creates_of_one_username_in_any_case_exactly_one_wins(TestStore store) throws Exception {
        Customers customers = Customers.of(store);
        List<String> spellings = List.of("carol", "Carol", "CAROL", "cArOl", "caROL", "CaRoL", "carOL", "CARol");
        ExecutorService threads = Executors.newFixedThreadPool(spellings.size());
        List<Subscriber> winners = new ArrayList<>();
        List<Throwable> losers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Subscriber>> results = new ArrayList<>();
            for (int i = 0; i < spellings.size(); i++) {
                SubscriberDraft draft = subscriber("c" + i, spellings.get(i));
                results.add(threads.submit(() -> {
                    start.await();
                    return customers.subscribers().create(draft);
                }));
            }
            start.countDown();
            for (Future<Subscriber> result : results) {
                try {
                    winners.add(result.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    losers.add(e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(winners).hasSize(1);
        Subscriber winner = winners.getFirst();
        assertThat(losers).hasSize(spellings.size() - 1).allSatisfy(e -> assertThat(e)
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("is already used by subscriber " + winner.id()));
        assertThat(customers.subscribers().count(SubscriberQuery.firstPage(1))).isEqualTo(1);
        assertThat(customers.subscribers().findByUsername("CAROL")).contains(winner);
    }

    @EachDatabase
    void lists_pages_that_cover_every_match_once_with_filters_and_sorts(TestStore store) {
        Customers customers = Customers.of(store).withBasics();
        Instant base = Instant.parse("2027-01-01T00:00:00Z");
        for (int n = 1; n <= 37; n++) {
            SubscriberDraft draft = subscriber(String.format("id-%02d", n), (n % 2 == 0 ? "Even" : "odd") + n)
                    .withStatus(n % 5 == 0 ? SubscriberStatus.DISABLED : SubscriberStatus.ACTIVE)
                    .withExpiry(n % 3 == 0 ? null : base.plus(Duration.ofDays(40 - n)))
                    .withOwner(n % 4 == 0 ? Owner.reseller("r1") : Owner.OPERATOR);
            customers.subscribers().create(draft);
        }

        List<String> seen = new ArrayList<>();
        SubscriberQuery query = SubscriberQuery.firstPage(10).sortedBy(SubscriberSort.ID, false);
        Page<Subscriber> page;
        do {
            page = customers.subscribers().list(query);
            page.items().forEach(s -> seen.add(s.id()));
            query = query.next();
        } while (page.hasMore());
        assertThat(seen).hasSize(37).doesNotHaveDuplicates().isSorted();
        assertThat(page.total()).isEqualTo(37);

        assertThat(customers.subscribers().count(SubscriberQuery.firstPage(1).withStatus(SubscriberStatus.DISABLED)))
                .isEqualTo(7);
        assertThat(customers.subscribers().count(SubscriberQuery.firstPage(1).ownedBy(Owner.reseller("r1")))).isEqualTo(9);
        assertThat(customers.subscribers().count(SubscriberQuery.firstPage(1).ownedBy(Owner.OPERATOR))).isEqualTo(28);
        assertThat(customers.subscribers().list(SubscriberQuery.firstPage(100).usernameStartingWith("EVEN1")).items())
                .extracting(Subscriber::username).containsExactly("Even10", "Even12", "Even14", "Even16", "Even18");
        assertThat(customers.subscribers().list(SubscriberQuery.firstPage(100).usernameStartingWith("odd3")
                .withStatus(SubscriberStatus.DISABLED)).items()).extracting(Subscriber::username).containsExactly("odd35");

        // Expiring before the 10th of January: n > 30 with an expiry (n not a multiple of 3).
        Page<Subscriber> expiring = customers.subscribers().list(SubscriberQuery.firstPage(100)
                .expiringBefore(base.plus(Duration.ofDays(10))).sortedBy(SubscriberSort.EXPIRY, false));
        assertThat(expiring.items()).extracting(Subscriber::id).containsExactly("id-37", "id-35", "id-34", "id-32", "id-31");

        // By expiry, never-expiring subscribers come last in both databases, in id order.
        List<Subscriber> byExpiry = customers.subscribers().list(SubscriberQuery.firstPage(100)
                .sortedBy(SubscriberSort.EXPIRY, false)).items();
        assertThat(byExpiry.subList(25, 37)).allMatch(s -> s.expiry() == null)
                .extracting(Subscriber::id).isSorted();
        assertThat(byExpiry.subList(0, 25)).extracting(Subscriber::expiry).isSorted();

        List<String> byName = customers.subscribers().list(SubscriberQuery.firstPage(100)
                .sortedBy(SubscriberSort.USERNAME, true)).items().stream().map(Subscriber::username).toList();
        assertThat(byName).first().isEqualTo("odd9");
        assertThat(byName).last().isEqualTo("Even10");
        assertThat(new LinkedHashSet<>(byName)).hasSize(37);
    }

    @EachDatabase
    void delete_removes_the_subscriber_with_its_details_and_devices(TestStore store) {
        Customers customers = Customers.of(store).withBasics();
        customers.subscribers().create(full("s1", "alice"));
        customers.devices().create(Device.stb("box", "s1", MacAddress.parse("00:1a:79:00:00:01")));

        assertThat(customers.subscribers().delete("s1")).isTrue();
        assertThat(customers.subscribers().delete("s1")).isFalse();
        assertThat(customers.devices().find("box")).isEmpty();
        // The username and the MAC are free again, and no network or package row was left behind to be adopted.
        Subscriber again = customers.subscribers().create(subscriber("s1", "ALICE"));
        assertThat(customers.subscribers().get("s1")).isEqualTo(again);
        assertThat(again.allowedNetworks()).isEmpty();
        assertThat(again.packageIds()).isEmpty();
        customers.devices().create(Device.stb("box2", "s1", MacAddress.parse("00:1a:79:00:00:01")));
    }
}
