package headwater.domain.catalog;

/**
 * An update was based on a version that someone else has changed since it was read (optimistic concurrency): the
 * caller should read again and reapply its change. "channel news-hd was changed concurrently: the update expected
 * version 3, the stored version is 4".
 */
public final class ConcurrentUpdateException extends CatalogException {

    private final String entity;
    private final String id;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrentUpdateException(String entity, String id, long expectedVersion, long actualVersion) {
        super(entity + " " + id + " was changed concurrently: the update expected version " + expectedVersion
                + ", the stored version is " + actualVersion + "; read it again and reapply the change");
        this.entity = entity;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
