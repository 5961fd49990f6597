package headwater.domain.catalog;

/** A field of a catalogue value breaks a rule: "channel name is 201 characters long: at most 200 allowed". */
public final class InvalidValueException extends CatalogException {

    private final String entity;
    private final String field;

    public InvalidValueException(String entity, String field, String problem) {
        super(entity + " " + field + " " + problem);
        this.entity = entity;
        this.field = field;
    }

    /** The kind of value, e.g. {@code channel}. */
    public String entity() {
        return entity;
    }

    /** The field that broke the rule, e.g. {@code number} or {@code sources[2]}. */
    public String field() {
        return field;
    }
}
