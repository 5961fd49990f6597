package headwater.store.subscriber;

import headwater.domain.subscriber.NetworkRange;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import headwater.store.catalog.Chunks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/** Reads and writes subscribers: the row, then its networks and packages, in one handle. */
final class SubscriberRows {

    /** The subscriber columns, for {@code SELECT <COLUMNS> FROM subscriber s ...}. */
    static final String COLUMNS = "s.id, s.username, s.password_hash, s.status, s.expires_at, s.max_connections, "
            + "s.output_formats, s.plan_id, s.notes, s.owner_reseller_id, s.version, s.created_at, s.updated_at";

    private SubscriberRows() {
    }

    /** Runs {@code query} (which selects {@link #COLUMNS}) and completes each row with its networks and packages. */
    static List<Subscriber> load(Handle handle, Query query) {
        List<Row> rows = query.map((rs, ctx) -> Row.of(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<NetworkRange>> networks = new HashMap<>();
        Map<String, Set<String>> packages = new HashMap<>();
        for (List<String> chunk : Chunks.of(rows.stream().map(Row::id).toList())) {
            handle.createQuery("SELECT subscriber_id, cidr FROM subscriber_network WHERE subscriber_id IN (<ids>) "
                            + "ORDER BY subscriber_id, position")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), NetworkRange.parse("subscriber", "allowedNetworks",
                            rs.getString(2))))
                    .forEach(e -> networks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            handle.createQuery("SELECT subscriber_id, package_id FROM subscriber_package WHERE subscriber_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> packages.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
        }
        List<Subscriber> subscribers = new ArrayList<>(rows.size());
        for (Row row : rows) {
            subscribers.add(row.toSubscriber(networks.getOrDefault(row.id(), List.of()),
                    packages.getOrDefault(row.id(), Set.of())));
        }
        return subscribers;
    }

    /** Binds the subscriber columns but version and times, by the names of {@link #COLUMNS} in camel case. */
    static <S extends SqlStatement<S>> S bind(S statement, SubscriberDraft draft) {
        return statement.bind("id", draft.id())
                .bind("username", draft.username())
                .bind("usernameKey", draft.usernameKey())
                .bind("passwordHash", draft.passwordHash().phc())
                .bind("status", draft.status().name())
                .bind("expiresAt", draft.expiry() == null ? null : draft.expiry().toEpochMilli())
                .bind("maxConnections", draft.maxConnections())
                .bind("outputFormats", draft.outputFormats().stream().map(Enum::name).collect(Collectors.joining(",")))
                .bind("planId", draft.planId())
                .bind("notes", draft.notes())
                .bind("owner", draft.owner().resellerId());
    }

    /** Writes the networks and packages of {@code draft}, replacing any stored ones. */
    static void writeDetails(Handle handle, SubscriberDraft draft, boolean replace) {
        if (replace) {
            handle.createUpdate("DELETE FROM subscriber_network WHERE subscriber_id = :id").bind("id", draft.id()).execute();
            handle.createUpdate("DELETE FROM subscriber_package WHERE subscriber_id = :id").bind("id", draft.id()).execute();
        }
        if (!draft.allowedNetworks().isEmpty()) {
            var networks = handle.prepareBatch("INSERT INTO subscriber_network (subscriber_id, position, cidr) "
                    + "VALUES (:subscriber, :position, :cidr)");
            for (int i = 0; i < draft.allowedNetworks().size(); i++) {
                networks.bind("subscriber", draft.id()).bind("position", i)
                        .bind("cidr", draft.allowedNetworks().get(i).toString()).add();
            }
            networks.execute();
        }
        if (!draft.packageIds().isEmpty()) {
            var packages = handle.prepareBatch("INSERT INTO subscriber_package (subscriber_id, package_id) "
                    + "VALUES (:subscriber, :package)");
            for (String packageId : draft.packageIds()) {
                packages.bind("subscriber", draft.id()).bind("package", packageId).add();
            }
            packages.execute();
        }
    }

    private record Row(String id, String username, String passwordHash, String status, Long expiresAt,
                       int maxConnections, String outputFormats, String planId, String notes, String owner,
                       long version, long created, long updated) {

        static Row of(ResultSet rs) throws SQLException {
            long expires = rs.getLong(5);
            Long expiresAt = rs.wasNull() ? null : expires;
            return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), expiresAt, rs.getInt(6),
                    rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                    rs.getLong(12), rs.getLong(13));
        }

        Subscriber toSubscriber(List<NetworkRange> networks, Set<String> packages) {
            Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
            for (String format : outputFormats.split(",")) {
                formats.add(OutputFormat.valueOf(format));
            }
            SubscriberDraft draft = new SubscriberDraft(id, username, new PasswordHash(passwordHash),
                    SubscriberStatus.valueOf(status), expiresAt == null ? null : Instant.ofEpochMilli(expiresAt),
                    maxConnections, formats, networks, packages, planId, notes, new Owner(owner));
            return new Subscriber(draft, version, Instant.ofEpochMilli(created), Instant.ofEpochMilli(updated));
        }
    }
}
