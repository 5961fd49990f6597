package headwater.api;

/**
 * One field of a request that was refused, in a problem's {@code errors} array.
 *
 * @param field   the JSON field ({@code number}, {@code sources[2]}), query parameter ({@code size}) or header
 *                ({@code If-Match}) at fault
 * @param message what is wrong with it, naming the value where that helps
 */
public record FieldError(String field, String message) {
}
