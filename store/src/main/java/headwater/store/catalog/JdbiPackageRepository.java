package headwater.store.catalog;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.store.Database;
import headwater.store.Dialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** {@link PackageRepository} on a {@link Database}. */
public final class JdbiPackageRepository implements PackageRepository {

    private final Database database;
    private final String collate;

    public JdbiPackageRepository(Database database) {
        this.database = database;
        this.collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public Package create(Package pkg) {
        try {
            return database.write(handle -> {
                if (name(handle, pkg.id()).isPresent()) {
                    throw new DuplicateKeyException("package", "id", pkg.id(), "already exists");
                }
                checkChannels(handle, pkg);
                handle.createUpdate("INSERT INTO package (id, name) VALUES (:id, :name)")
                        .bind("id", pkg.id()).bind("name", pkg.name()).execute();
                insertMembers(handle, pkg);
                return pkg;
            });
        } catch (JdbiException e) {
            throw diagnose(e, pkg);
        }
    }

    @Override
    public Package update(Package pkg) {
        try {
            return database.write(handle -> {
                if (name(handle, pkg.id()).isEmpty()) {
                    throw new NotFoundException("package", pkg.id());
                }
                checkChannels(handle, pkg);
                handle.createUpdate("UPDATE package SET name = :name WHERE id = :id")
                        .bind("id", pkg.id()).bind("name", pkg.name()).execute();
                handle.createUpdate("DELETE FROM package_channel WHERE package_id = :id").bind("id", pkg.id()).execute();
                insertMembers(handle, pkg);
                return pkg;
            });
        } catch (JdbiException e) {
            throw diagnose(e, pkg);
        }
    }

    @Override
    public Optional<Package> find(String id) {
        return database.read(handle -> name(handle, id).map(name -> new Package(id, name, members(handle, id))));
    }

    @Override
    public boolean delete(String id) {
        return database.write(handle -> handle.createUpdate("DELETE FROM package WHERE id = :id").bind("id", id)
                .execute() > 0);
    }

    @Override
    public List<Package> list() {
        return database.read(handle -> {
            List<Package> packages = new ArrayList<>();
            handle.createQuery("SELECT id, name FROM package ORDER BY id" + collate)
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(row -> packages.add(new Package(row.get(0), row.get(1), members(handle, row.get(0)))));
            return packages;
        });
    }

    @Override
    public Page<Channel> channels(String packageId, int offset, int limit) {
        if (offset < 0) {
            throw new InvalidValueException("package channels", "offset", "is " + offset + ": must not be negative");
        }
        if (limit < 1 || limit > ChannelQuery.MAX_LIMIT) {
            throw new InvalidValueException("package channels", "limit", "is " + limit + ": must be between 1 and "
                    + ChannelQuery.MAX_LIMIT);
        }
        return database.read(handle -> {
            if (name(handle, packageId).isEmpty()) {
                throw new NotFoundException("package", packageId);
            }
            long total = handle.createQuery("SELECT COUNT(*) FROM package_channel WHERE package_id = :id")
                    .bind("id", packageId).mapTo(Long.class).one();
            var select = handle.createQuery("SELECT " + ChannelRows.COLUMNS + " FROM channel c "
                            + "JOIN package_channel pc ON pc.channel_id = c.id WHERE pc.package_id = :id "
                            + "ORDER BY c.number LIMIT :limit OFFSET :offset")
                    .bind("id", packageId).bind("limit", limit).bind("offset", offset);
            return new Page<>(ChannelRows.load(handle, select), total, offset, limit);
        });
    }

    private static Optional<String> name(Handle handle, String id) {
        return handle.createQuery("SELECT name FROM package WHERE id = :id").bind("id", id).mapTo(String.class).findOne();
    }

    private static Set<String> members(Handle handle, String id) {
        return new TreeSet<>(handle.createQuery("SELECT channel_id FROM package_channel WHERE package_id = :id")
                .bind("id", id).mapTo(String.class).list());
    }

    private static void insertMembers(Handle handle, Package pkg) {
        if (pkg.channelIds().isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO package_channel (package_id, channel_id) VALUES (:package, :channel)");
        for (String channelId : pkg.channelIds()) {
            batch.bind("package", pkg.id()).bind("channel", channelId).add();
        }
        batch.execute();
    }

    private static void checkChannels(Handle handle, Package pkg) {
        Set<String> existing = new HashSet<>();
        for (List<String> chunk : Chunks.of(pkg.channelIdList())) {
            existing.addAll(handle.createQuery("SELECT id FROM channel WHERE id IN (<ids>)").bindList("ids", chunk)
                    .mapTo(String.class).list());
        }
        List<String> missing = pkg.channelIdList().stream().filter(id -> !existing.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new UnknownReferenceException("package", pkg.id(), "channel", missing);
        }
    }

    private RuntimeException diagnose(JdbiException error, Package pkg) {
        RuntimeException precise = switch (Constraint.violatedBy(error)) {
            case UNIQUE -> new DuplicateKeyException("package", "id", pkg.id(), "already exists");
            case FOREIGN_KEY -> database.read(handle -> {
                try {
                    checkChannels(handle, pkg);
                    return name(handle, pkg.id()).isEmpty() ? new NotFoundException("package", pkg.id()) : null;
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
