package headwater.domain.catalog;

/** The value asked for does not exist (any more): "channel news-hd does not exist". */
public final class NotFoundException extends CatalogException {

    private final String entity;
    private final String id;

    public NotFoundException(String entity, String id) {
        super(entity + " " + id + " does not exist");
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }
}
