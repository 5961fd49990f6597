package headwater.store.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Quality;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.catalog.PackageUsage;
import java.util.Optional;
import java.util.Set;

class PlanRepositoryTest {

    @EachDatabase
    void creates_updates_lists_and_deletes_plans_with_every_field(TestStore store) {
        Customers customers = Customers.of(store);
        customers.packages().create(Package.of("sports", "Sports"));
        customers.packages().create(Package.of("movies", "Movies"));
        Plan family = new Plan("family", "Family 4K", Set.of("sports", "movies"), 4, Quality.UHD,
                Money.of(2999, "EUR"), BillingPeriod.months(1), true);
        Plan trial = new Plan("trial", "Trial", Set.of(), 1, Quality.SD, Money.of(0, "USD"), BillingPeriod.days(3), false);

        assertThat(customers.plans().create(family)).isEqualTo(family);
        customers.plans().create(trial);

        assertThat(customers.plans().get("family")).isEqualTo(family);
        assertThat(customers.plans().get("trial")).isEqualTo(trial);
        assertThat(customers.plans().list()).containsExactly(family, trial);
        Plan changed = family.withName("Family HD").withPackageIds(Set.of("movies")).withMaxConnections(2)
                .withMaxQuality(Quality.FHD).withPrice(Money.of(500, "JPY")).withPeriod(BillingPeriod.days(30))
                .withEnabled(false);
        assertThat(customers.plans().update(1, changed)).isEqualTo(changed.withVersion(2));
        assertThat(customers.plans().get("family")).isEqualTo(changed.withVersion(2));
        assertThatThrownBy(() -> customers.plans().update(1, Plan.of("ghost", "Ghost", Money.of(1, "EUR"))))
                .isInstanceOf(NotFoundException.class).hasMessage("plan ghost does not exist");
        assertThatThrownBy(() -> customers.plans().create(trial))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("plan id trial already exists");

        assertThat(customers.plans().delete("trial")).isTrue();
        assertThat(customers.plans().delete("trial")).isFalse();
        assertThat(customers.plans().find("trial")).isEmpty();
    }

    @EachDatabase
    void unknown_packages_are_a_precise_error_and_change_nothing(TestStore store) {
        Customers customers = Customers.of(store);
        customers.packages().create(Package.of("sports", "Sports"));
        Plan gold = Plan.of("gold", "Gold", Money.of(1999, "EUR")).withPackageIds(Set.of("sports"));
        customers.plans().create(gold);

        assertThatThrownBy(() -> customers.plans().create(Plan.of("silver", "Silver", Money.of(999, "EUR"))
                .withPackageIds(Set.of("sports", "kids", "adult"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("plan silver refers to unknown package ids [adult, kids]");
        assertThatThrownBy(() -> customers.plans().update(gold.version(), gold.withPackageIds(Set.of("news"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("plan gold refers to unknown package id [news]");
        assertThat(customers.plans().find("silver")).isEmpty();
        assertThat(customers.plans().get("gold")).isEqualTo(gold);
    }

    @EachDatabase
    void a_plan_with_subscribers_cannot_be_deleted(TestStore store) {
        Customers customers = Customers.of(store).withBasics();
        customers.subscribers().create(Customers.subscriber("s1", "Zoe").withPlanId("gold"));
        customers.subscribers().create(Customers.subscriber("s2", "adam").withPlanId("gold"));

        assertThatThrownBy(() -> customers.plans().delete("gold")).isInstanceOf(ReferenceInUseException.class)
                .hasMessage("plan gold cannot be deleted: it is used by 2 subscribers (adam, Zoe)");
        assertThat(customers.plans().get("gold").packageIds()).containsExactly("movies", "sports");
    }

    @EachDatabase
    void a_package_sold_by_a_plan_or_granted_to_a_subscriber_is_protected_and_its_users_named(TestStore store) {
        Customers customers = Customers.of(store).withBasics();
        customers.packages().create(Package.of("kids", "Kids"));
        customers.subscribers().create(Customers.subscriber("s1", "alice").withPackageIds(Set.of("movies")));

        assertThat(usage(store, "movies")).contains("1 plan (gold) and 1 subscriber (s1)");
        assertThat(usage(store, "sports")).contains("1 plan (gold)");
        assertThat(usage(store, "kids")).isEmpty();

        assertThatThrownBy(() -> customers.packages().delete("movies")).isInstanceOf(ReferenceInUseException.class)
                .hasMessageContaining("package movies").hasMessageContaining("1 plan (gold) and 1 subscriber (s1)");
        assertThatThrownBy(() -> customers.packages().delete("sports")).isInstanceOf(ReferenceInUseException.class)
                .hasMessageContaining("1 plan (gold)");
        assertThat(customers.packages().find("movies")).isPresent();
        assertThat(customers.plans().get("gold").packageIds()).containsExactly("movies", "sports");
        assertThat(customers.subscribers().get("s1").packageIds()).containsExactly("movies");
        assertThat(customers.packages().delete("kids")).isTrue();
    }

    private static Optional<String> usage(TestStore store, String packageId) {
        return store.database().read(handle -> PackageUsage.of(handle, packageId));
    }

    @EachDatabase
    void names_are_stored_verbatim(TestStore store) {
        Customers customers = Customers.of(store);
        int n = 0;
        for (String text : Customers.HOSTILE_TEXT) {
            Plan plan = Plan.of("p" + ++n, text, Money.of(n, "EUR"));
            customers.plans().create(plan);
            assertThat(customers.plans().get("p" + n)).isEqualTo(plan);
        }
    }
}
