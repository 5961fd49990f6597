package headwater.domain.catalog;

/** An error of the catalogue that a caller can act on: its message names the entity, the field or id and the values. */
public abstract sealed class CatalogException extends RuntimeException
        permits InvalidValueException, DuplicateKeyException, UnknownReferenceException, NotFoundException,
                ConcurrentUpdateException, ReferenceInUseException {

    protected CatalogException(String message) {
        super(message);
    }
}
