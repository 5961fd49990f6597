package headwater.store.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Who still refers to a package: plans that sell it and subscribers granted it directly. The schema refuses to
 * delete such a package (ON DELETE RESTRICT); a package repository calls this inside its delete transaction to
 * refuse with a {@link headwater.domain.catalog.ReferenceInUseException} that says why.
 */
public final class PackageUsage {

    private PackageUsage() {
    }

    /** "2 plans (basic, gold) and 1 subscriber (bob)", or empty when nothing refers to the package. */
    public static Optional<String> of(Handle handle, String packageId) {
        List<String> uses = new ArrayList<>();
        add(uses, handle, "plan", "SELECT plan_id FROM plan_package WHERE package_id = :id ORDER BY plan_id",
                "SELECT COUNT(*) FROM plan_package WHERE package_id = :id", packageId);
        add(uses, handle, "subscriber",
                "SELECT subscriber_id FROM subscriber_package WHERE package_id = :id ORDER BY subscriber_id",
                "SELECT COUNT(*) FROM subscriber_package WHERE package_id = :id", packageId);
        return uses.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", uses));
    }

    private static void add(List<String> uses, Handle handle, String noun, String select, String count, String id) {
        long total = handle.createQuery(count).bind("id", id).mapTo(Long.class).one();
        if (total > 0) {
            List<String> first = handle.createQuery(select + " LIMIT " + References.QUOTED).bind("id", id)
                    .mapTo(String.class).list();
            uses.add(References.usage(total, noun, first));
        }
    }
}
