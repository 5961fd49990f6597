package headwater.store.catalog;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.CategoryRepository;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.store.Database;
import headwater.store.Dialect;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** {@link CategoryRepository} on a {@link Database}. */
public final class JdbiCategoryRepository implements CategoryRepository {

    private static final String COLUMNS = "id, name, kind, sort_order, parent_id, version";

    private final Database database;
    private final String collate;

    public JdbiCategoryRepository(Database database) {
        this.database = database;
        this.collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public Category create(Category category) {
        try {
            return database.write(handle -> {
                if (find(handle, category.id()).isPresent()) {
                    throw new DuplicateKeyException("category", "id", category.id(), "already exists");
                }
                checkParent(handle, category);
                handle.createUpdate("INSERT INTO category (id, name, kind, sort_order, parent_id) "
                                + "VALUES (:id, :name, :kind, :sortOrder, :parentId)")
                        .bindMethods(category)
                        .bind("kind", category.kind().name())
                        .execute();
                return category.withVersion(1);
            });
        } catch (JdbiException e) {
            throw diagnose(e, category, false);
        }
    }

    @Override
    public Category update(long expectedVersion, Category category) {
        try {
            return database.write(handle -> {
                long version = Versions.claim(handle, "category", "category", category.id(), expectedVersion);
                checkParent(handle, category);
                List<String> otherKindChildren = handle.createQuery(
                                "SELECT id FROM category WHERE parent_id = :id AND kind <> :kind ORDER BY id")
                        .bind("id", category.id()).bind("kind", category.kind().name()).mapTo(String.class).list();
                if (!otherKindChildren.isEmpty()) {
                    throw new InvalidValueException("category", "kind", "cannot become " + category.kind()
                            + ": the child categories " + otherKindChildren + " are of another kind");
                }
                handle.createUpdate("UPDATE category SET name = :name, kind = :kind, sort_order = :sortOrder, "
                                + "parent_id = :parentId WHERE id = :id")
                        .bindMethods(category)
                        .bind("kind", category.kind().name())
                        .execute();
                return category.withVersion(version);
            });
        } catch (JdbiException e) {
            throw diagnose(e, category, true);
        }
    }

    @Override
    public Optional<Category> find(String id) {
        return database.read(handle -> find(handle, id));
    }

    @Override
    public boolean delete(String id) {
        try {
            return database.write(handle -> {
                checkUnused(handle, id);
                return handle.createUpdate("DELETE FROM category WHERE id = :id").bind("id", id).execute() > 0;
            });
        } catch (JdbiException e) {
            if (Constraint.violatedBy(e) == Constraint.FOREIGN_KEY) {
                RuntimeException precise = database.read(handle -> {
                    try {
                        checkUnused(handle, id);
                        return new ReferenceInUseException("category", id, "a concurrent write");
                    } catch (ReferenceInUseException inUse) {
                        return inUse;
                    }
                });
                precise.addSuppressed(e);
                throw precise;
            }
            throw e;
        }
    }

    @Override
    public List<Category> list(CategoryKind kind) {
        String order = " ORDER BY sort_order, name" + collate + ", id" + collate;
        return database.read(handle -> kind == null
                ? handle.createQuery("SELECT " + COLUMNS + " FROM category" + order).map(JdbiCategoryRepository::row).list()
                : handle.createQuery("SELECT " + COLUMNS + " FROM category WHERE kind = :kind" + order)
                        .bind("kind", kind.name()).map(JdbiCategoryRepository::row).list());
    }

    private static Optional<Category> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM category WHERE id = :id").bind("id", id)
                .map(JdbiCategoryRepository::row).findOne();
    }

    private static Category row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Category(rs.getString(1), rs.getString(2), CategoryKind.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getString(5), rs.getLong(6));
    }

    /** The parent exists, is of the same kind, and is not the category itself or one of its descendants. */
    private static void checkParent(Handle handle, Category category) {
        if (category.parentId() == null) {
            return;
        }
        Category parent = find(handle, category.parentId()).orElseThrow(() -> new UnknownReferenceException(
                "category", category.id(), "parent category", List.of(category.parentId())));
        if (parent.kind() != category.kind()) {
            throw new InvalidValueException("category", "parentId", "\"" + parent.id() + "\" is a " + parent.kind()
                    + " category: the parent of a " + category.kind() + " category must be of the same kind");
        }
        Set<String> seen = new HashSet<>();
        for (Category ancestor = parent; ancestor != null && seen.add(ancestor.id());
             ancestor = ancestor.parentId() == null ? null : find(handle, ancestor.parentId()).orElse(null)) {
            if (ancestor.id().equals(category.id())) {
                throw new InvalidValueException("category", "parentId", "\"" + category.parentId()
                        + "\" would make a cycle: it is a descendant of " + category.id());
            }
        }
    }

    private static void checkUnused(Handle handle, String id) {
        List<String> uses = new java.util.ArrayList<>();
        for (String[] user : new String[][] {{"channel_category", "channel"}, {"movie_category", "movie"},
                {"series_category", "series"}}) {
            long count = handle.createQuery("SELECT COUNT(*) FROM " + user[0] + " WHERE category_id = :id")
                    .bind("id", id).mapTo(Long.class).one();
            if (count > 0) {
                uses.add(count + " " + user[1] + (count == 1 || user[1].equals("series") ? "" : "s"));
            }
        }
        List<String> children = handle.createQuery("SELECT id FROM category WHERE parent_id = :id ORDER BY id")
                .bind("id", id).mapTo(String.class).list();
        if (!children.isEmpty()) {
            uses.add("the child categories " + children);
        }
        if (!uses.isEmpty()) {
            throw new ReferenceInUseException("category", id, String.join(" and ", uses));
        }
    }

    private RuntimeException diagnose(JdbiException error, Category category, boolean update) {
        Constraint constraint = Constraint.violatedBy(error);
        RuntimeException precise = switch (constraint) {
            case UNIQUE -> new DuplicateKeyException("category", "id", category.id(), "already exists");
            case FOREIGN_KEY -> update && database.read(h -> find(h, category.id())).isEmpty()
                    ? new NotFoundException("category", category.id())
                    : new UnknownReferenceException("category", category.id(), "parent category",
                            List.of(String.valueOf(category.parentId())));
            case NONE -> null;
        };
        if (precise == null) {
            return error;
        }
        precise.addSuppressed(error);
        return precise;
    }
}
