package headwater.api;

import java.util.List;
import java.util.Objects;

/** The checks every request body shares: required fields, and the id of the body against the id of the path. */
final class Bodies {

    private Bodies() {
    }

    static void required(String field, Object value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is missing"));
        }
    }

    /**
     * On create ({@code pathId} null) the body's id, which is required; on update the path's id, which the body may
     * repeat but not contradict (an id is never changed by an update).
     */
    static String id(String pathId, String bodyId, List<FieldError> errors) {
        if (pathId == null) {
            required("id", bodyId, errors);
            return bodyId;
        }
        if (bodyId != null && !Objects.equals(bodyId, pathId)) {
            errors.add(new FieldError("id", "is \"" + bodyId + "\" but the path names \"" + pathId
                    + "\": an id cannot be changed"));
        }
        return pathId;
    }

    /** @throws ApiException when a create names a version: versions are the server's */
    static void noVersion(Long version) {
        if (version != null) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "version", "is set by the server: leave it out "
                    + "when creating");
        }
    }

    /** @throws ApiException naming every field in {@code errors}, if any */
    static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.fields(errors);
        }
    }
}
