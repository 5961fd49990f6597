package headwater.store.catalog;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.store.Database;
import headwater.store.Dialect;
import java.util.ArrayList;
import java.util.Collection;
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
                checkMembers(handle, pkg);
                handle.createUpdate("INSERT INTO package (id, name) VALUES (:id, :name)")
                        .bind("id", pkg.id()).bind("name", pkg.name()).execute();
                insertMembers(handle, pkg);
                return pkg.withVersion(1);
            });
        } catch (JdbiException e) {
            throw diagnose(e, pkg);
        }
    }

    @Override
    public Package update(long expectedVersion, Package pkg) {
        try {
            return database.write(handle -> {
                long version = Versions.claim(handle, "package", "package", pkg.id(), expectedVersion);
                checkMembers(handle, pkg);
                handle.createUpdate("UPDATE package SET name = :name WHERE id = :id")
                        .bind("id", pkg.id()).bind("name", pkg.name()).execute();
                for (Members members : Members.values()) {
                    handle.createUpdate("DELETE FROM " + members.table + " WHERE package_id = :id").bind("id", pkg.id())
                            .execute();
                }
                insertMembers(handle, pkg);
                return pkg.withVersion(version);
            });
        } catch (JdbiException e) {
            throw diagnose(e, pkg);
        }
    }

    @Override
    public Package addChannels(String packageId, Collection<String> channelIds) {
        Set<String> wanted = new TreeSet<>(channelIds);
        try {
            return database.write(handle -> {
                if (name(handle, packageId).isEmpty()) {
                    throw new NotFoundException("package", packageId);
                }
                List<String> missing = References.missing(handle, "channel", wanted);
                if (!missing.isEmpty()) {
                    throw new UnknownReferenceException("package", packageId, "channel", missing);
                }
                int added = 0;
                for (String channelId : wanted) {
                    // ON CONFLICT DO NOTHING: a concurrent addition of the same channel waits for the other, then
                    // finds its row instead of failing on the primary key.
                    added += handle.createUpdate("INSERT INTO package_channel (package_id, channel_id) "
                                    + "VALUES (:package, :channel) ON CONFLICT DO NOTHING")
                            .bind("package", packageId).bind("channel", channelId).execute();
                }
                return changed(handle, packageId, added);
            });
        } catch (JdbiException e) {
            throw diagnoseMembership(e, packageId, wanted);
        }
    }

    @Override
    public Package removeChannels(String packageId, Collection<String> channelIds) {
        Set<String> unwanted = new TreeSet<>(channelIds);
        return database.write(handle -> {
            if (name(handle, packageId).isEmpty()) {
                throw new NotFoundException("package", packageId);
            }
            int removed = 0;
            for (String channelId : unwanted) {
                if (handle.createUpdate("DELETE FROM package_channel WHERE package_id = :package "
                                + "AND channel_id = :channel")
                        .bind("package", packageId).bind("channel", channelId).execute() == 0) {
                    // Thrown inside the transaction: the channels removed before it are restored.
                    throw new NotFoundException("channel", channelId + " in package " + packageId);
                }
                removed++;
            }
            return changed(handle, packageId, removed);
        });
    }

    @Override
    public Optional<Package> find(String id) {
        return database.read(handle -> name(handle, id).map(name -> load(handle, id, name)));
    }

    @Override
    public boolean delete(String id) {
        return database.write(handle -> {
            // Plans and subscribers refer to packages with ON DELETE RESTRICT; name them instead of letting the
            // foreign-key error out. Inside the write transaction, so no new reference can slip in between.
            PackageUsage.of(handle, id).ifPresent(usage -> {
                throw new ReferenceInUseException("package", id, usage);
            });
            return handle.createUpdate("DELETE FROM package WHERE id = :id").bind("id", id).execute() > 0;
        });
    }

    @Override
    public List<Package> list() {
        return database.read(handle -> {
            List<Package> packages = new ArrayList<>();
            handle.createQuery("SELECT id, name FROM package ORDER BY id" + collate)
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(row -> packages.add(load(handle, row.get(0), row.get(1))));
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

    /** The package after a membership change of {@code rows} rows: a new version if any changed. */
    private static Package changed(Handle handle, String packageId, int rows) {
        if (rows > 0) {
            Versions.bump(handle, "package", packageId).orElseThrow(() -> new NotFoundException("package", packageId));
        }
        return load(handle, packageId, name(handle, packageId).orElseThrow(
                () -> new NotFoundException("package", packageId)));
    }

    /** The package or the channel was deleted between the checks and the insert (PostgreSQL): say which. */
    private RuntimeException diagnoseMembership(JdbiException error, String packageId, Set<String> channelIds) {
        if (Constraint.violatedBy(error) != Constraint.FOREIGN_KEY) {
            return error;
        }
        RuntimeException precise = database.read(handle -> name(handle, packageId).isEmpty()
                ? new NotFoundException("package", packageId)
                : new UnknownReferenceException("package", packageId, "channel",
                        References.missing(handle, "channel", channelIds)));
        precise.addSuppressed(error);
        return precise;
    }

    private static Optional<String> name(Handle handle, String id) {
        return handle.createQuery("SELECT name FROM package WHERE id = :id").bind("id", id).mapTo(String.class).findOne();
    }

    private static Package load(Handle handle, String id, String name) {
        return new Package(id, name, Members.CHANNELS.of(handle, id), Members.MOVIES.of(handle, id),
                Members.SERIES.of(handle, id), Versions.current(handle, "package", id)
                        .orElseThrow(() -> new NotFoundException("package", id)));
    }

    private static void insertMembers(Handle handle, Package pkg) {
        for (Members members : Members.values()) {
            Set<String> ids = members.in(pkg);
            if (ids.isEmpty()) {
                continue;
            }
            var batch = handle.prepareBatch("INSERT INTO " + members.table + " (package_id, " + members.column
                    + ") VALUES (:package, :member)");
            for (String id : ids) {
                batch.bind("package", pkg.id()).bind("member", id).add();
            }
            batch.execute();
        }
    }

    /** Every channel, film and series the package lists exists; the first kind with missing ids is reported. */
    private static void checkMembers(Handle handle, Package pkg) {
        for (Members members : Members.values()) {
            List<String> wanted = List.copyOf(members.in(pkg));
            Set<String> existing = new HashSet<>();
            for (List<String> chunk : Chunks.of(wanted)) {
                existing.addAll(handle.createQuery("SELECT id FROM " + members.entity + " WHERE id IN (<ids>)")
                        .bindList("ids", chunk).mapTo(String.class).list());
            }
            List<String> missing = wanted.stream().filter(id -> !existing.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw new UnknownReferenceException("package", pkg.id(), members.entity, missing);
            }
        }
    }

    /** The three kinds of package member: their table, column and the table of the entity they refer to. */
    private enum Members {
        CHANNELS("package_channel", "channel_id", "channel"),
        MOVIES("package_movie", "movie_id", "movie"),
        SERIES("package_series", "series_id", "series");

        private final String table;
        private final String column;
        private final String entity;

        Members(String table, String column, String entity) {
            this.table = table;
            this.column = column;
            this.entity = entity;
        }

        Set<String> in(Package pkg) {
            return switch (this) {
                case CHANNELS -> pkg.channelIds();
                case MOVIES -> pkg.movieIds();
                case SERIES -> pkg.seriesIds();
            };
        }

        Set<String> of(Handle handle, String packageId) {
            return new TreeSet<>(handle.createQuery("SELECT " + column + " FROM " + table + " WHERE package_id = :id")
                    .bind("id", packageId).mapTo(String.class).list());
        }
    }

    private RuntimeException diagnose(JdbiException error, Package pkg) {
        RuntimeException precise = switch (Constraint.violatedBy(error)) {
            case UNIQUE -> new DuplicateKeyException("package", "id", pkg.id(), "already exists");
            case FOREIGN_KEY -> database.read(handle -> {
                try {
                    checkMembers(handle, pkg);
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
