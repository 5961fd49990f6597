package headwater.domain.catalog;

/** A value that must be unique is already taken: "channel number 101 is already used by channel news-hd". */
public final class DuplicateKeyException extends CatalogException {

    private final String entity;
    private final String field;
    private final String value;

    public DuplicateKeyException(String entity, String field, String value, String detail) {
        super(entity + " " + field + " " + value + " " + detail);
        this.entity = entity;
        this.field = field;
        this.value = value;
    }

    public String entity() {
        return entity;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
