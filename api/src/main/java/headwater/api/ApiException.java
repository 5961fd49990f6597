package headwater.api;

import java.util.List;

/** A refusal decided by the API itself (not the domain): its problem type, detail and the fields at fault. */
final class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /** A refusal of one field, whose message is also the detail. */
    static ApiException field(ProblemType type, String field, String message) {
        return new ApiException(type, field + " " + message, List.of(new FieldError(field, message)));
    }

    /** A refusal of several fields at once. */
    static ApiException fields(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            detail.append(detail.isEmpty() ? "" : "; ").append(error.field()).append(' ').append(error.message());
        }
        return new ApiException(ProblemType.VALIDATION_FAILED, detail.toString(), errors);
    }

    ProblemType type() {
        return type;
    }

    List<FieldError> errors() {
        return errors;
    }
}
