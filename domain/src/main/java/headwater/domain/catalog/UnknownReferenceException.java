package headwater.domain.catalog;

import java.util.List;

/** A value refers to ids that do not exist: "channel news-hd refers to unknown category ids [sport, kids]". */
public final class UnknownReferenceException extends CatalogException {

    private final String referencedEntity;
    private final List<String> missingIds;

    public UnknownReferenceException(String entity, String id, String referencedEntity, List<String> missingIds) {
        super(entity + " " + id + " refers to unknown " + referencedEntity + " id" + (missingIds.size() == 1 ? " " : "s ")
                + missingIds);
        this.referencedEntity = referencedEntity;
        this.missingIds = List.copyOf(missingIds);
    }

    public String referencedEntity() {
        return referencedEntity;
    }

    public List<String> missingIds() {
        return missingIds;
    }
}
