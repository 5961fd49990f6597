package headwater.api;

import headwater.domain.subscriber.ResellerDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * A reseller as a client sends it. Credits are not a field: they move through {@code /credits} and {@code /debits}.
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record ResellerBody(String id, String name, Long version) {

    ResellerDraft draft(String pathId) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("name", name, missing);
        Bodies.check(missing);
        return new ResellerDraft(effectiveId, name);
    }
}
