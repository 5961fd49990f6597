package headwater.store.subscriber;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PeriodUnit;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.Quality;
import headwater.store.Database;
import headwater.store.Dialect;
import headwater.store.catalog.Constraint;
import headwater.store.catalog.References;
import headwater.store.catalog.Versions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link PlanRepository} on a {@link Database}. */
public final class JdbiPlanRepository implements PlanRepository {

    private static final String COLUMNS = "id, name, max_connections, max_quality, price_minor, currency, period_length, "
            + "period_unit, enabled";
    private static final String SELECTED = COLUMNS + ", version";

    private final Database database;
    private final String collate;

    public JdbiPlanRepository(Database database) {
        this.database = database;
        this.collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public Plan create(Plan plan) {
        try {
            return database.write(handle -> {
                if (exists(handle, plan.id())) {
                    throw new DuplicateKeyException("plan", "id", plan.id(), "already exists");
                }
                checkPackages(handle, plan);
                bind(handle.createUpdate("INSERT INTO plan (" + COLUMNS + ") VALUES (:id, :name, :maxConnections, "
                        + ":maxQuality, :price, :currency, :periodLength, :periodUnit, :enabled)"), plan).execute();
                insertPackages(handle, plan);
                return plan.withVersion(1);
            });
        } catch (JdbiException e) {
            throw diagnose(e, plan);
        }
    }

    @Override
    public Plan update(long expectedVersion, Plan plan) {
        try {
            return database.write(handle -> {
                long version = Versions.claim(handle, "plan", "plan", plan.id(), expectedVersion);
                checkPackages(handle, plan);
                bind(handle.createUpdate("UPDATE plan SET name = :name, max_connections = :maxConnections, "
                        + "max_quality = :maxQuality, price_minor = :price, currency = :currency, "
                        + "period_length = :periodLength, period_unit = :periodUnit, enabled = :enabled WHERE id = :id"),
                        plan).execute();
                handle.createUpdate("DELETE FROM plan_package WHERE plan_id = :id").bind("id", plan.id()).execute();
                insertPackages(handle, plan);
                return plan.withVersion(version);
            });
        } catch (JdbiException e) {
            throw diagnose(e, plan);
        }
    }

    @Override
    public Optional<Plan> find(String id) {
        return database.read(handle -> load(handle, "WHERE id = :id", id).stream().findFirst());
    }

    @Override
    public boolean delete(String id) {
        return ProtectedDelete.run(database, "plan", "plan_id", id);
    }

    @Override
    public List<Plan> list() {
        return database.read(handle -> load(handle, "", null));
    }

    private List<Plan> load(Handle handle, String where, String id) {
        var query = handle.createQuery("SELECT " + SELECTED + " FROM plan " + where + " ORDER BY id" + collate);
        if (id != null) {
            query.bind("id", id);
        }
        List<Plan> rows = query.map((rs, ctx) -> plan(rs)).list();
        Map<String, Set<String>> packages = new HashMap<>();
        var members = handle.createQuery("SELECT plan_id, package_id FROM plan_package"
                + (id == null ? "" : " WHERE plan_id = :id"));
        if (id != null) {
            members.bind("id", id);
        }
        members.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> packages.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return rows.stream().map(plan -> plan.withPackageIds(packages.getOrDefault(plan.id(), Set.of()))).toList();
    }

    /** The plan of the current row, without its packages. */
    private static Plan plan(ResultSet rs) throws SQLException {
        return new Plan(rs.getString(1), rs.getString(2), Set.of(), rs.getInt(3), Quality.valueOf(rs.getString(4)),
                new Money(rs.getLong(5), rs.getString(6)),
                new BillingPeriod(rs.getInt(7), PeriodUnit.valueOf(rs.getString(8))), rs.getBoolean(9), rs.getLong(10));
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Plan plan) {
        return statement.bind("id", plan.id())
                .bind("name", plan.name())
                .bind("maxConnections", plan.maxConnections())
                .bind("maxQuality", plan.maxQuality().name())
                .bind("price", plan.price().minorUnits())
                .bind("currency", plan.price().currency())
                .bind("periodLength", plan.period().length())
                .bind("periodUnit", plan.period().unit().name())
                .bind("enabled", plan.enabled());
    }

    private static boolean exists(Handle handle, String id) {
        return handle.createQuery("SELECT 1 FROM plan WHERE id = :id").bind("id", id).mapTo(Integer.class).findOne()
                .isPresent();
    }

    private static void insertPackages(Handle handle, Plan plan) {
        if (plan.packageIds().isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO plan_package (plan_id, package_id) VALUES (:plan, :package)");
        for (String packageId : plan.packageIds()) {
            batch.bind("plan", plan.id()).bind("package", packageId).add();
        }
        batch.execute();
    }

    private static void checkPackages(Handle handle, Plan plan) {
        List<String> missing = References.missing(handle, "package", plan.packageIdList());
        if (!missing.isEmpty()) {
            throw new UnknownReferenceException("plan", plan.id(), "package", missing);
        }
    }

    /** A constraint failed although the checks passed: a concurrent writer got in between. Name the key. */
    private RuntimeException diagnose(JdbiException error, Plan plan) {
        RuntimeException precise = switch (Constraint.violatedBy(error)) {
            case UNIQUE -> new DuplicateKeyException("plan", "id", plan.id(), "already exists");
            case FOREIGN_KEY -> database.read(handle -> {
                try {
                    checkPackages(handle, plan);
                    return exists(handle, plan.id()) ? null : new NotFoundException("plan", plan.id());
                } catch (UnknownReferenceException missing) {
                    return missing;
                }
            });
            case NONE -> null;
        };
        if (precise == null) {
            return error;
        }
        precise.addSuppressed(error);
        return precise;
    }
}
