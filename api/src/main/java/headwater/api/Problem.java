package headwater.api;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type     a {@link ProblemType} URI
 * @param title    the type's fixed summary
 * @param status   the HTTP status
 * @param detail   what went wrong this time, naming the values involved
 * @param instance the request path the problem occurred on
 * @param errors   the fields at fault; empty when no one field is
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public Problem {
        errors = List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
    }
}
