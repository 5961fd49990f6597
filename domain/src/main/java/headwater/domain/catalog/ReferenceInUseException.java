package headwater.domain.catalog;

/** A value cannot be deleted while others refer to it: "category sport is used by 12 channels". */
public final class ReferenceInUseException extends CatalogException {

    public ReferenceInUseException(String entity, String id, String usage) {
        super(entity + " " + id + " cannot be deleted: it is used by " + usage);
    }
}
