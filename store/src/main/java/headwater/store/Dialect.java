package headwater.store;

/** The databases the store runs on; each has its own Flyway migration folder {@code db/migration/<folder>}. */
public enum Dialect {
    SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + folder;
    }
}
