package headwater.api;

/**
 * The kinds of RFC 9457 problem the admin API answers with. Each has a stable {@code type} URI (a URN: nothing to
 * fetch), a short title that never varies between occurrences, and the HTTP status it goes with.
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", "The body is not well-formed JSON", 400),
    UNKNOWN_FIELD("unknown-field", "The body has a field this resource does not accept", 400),
    VALIDATION_FAILED("validation-failed", "A value breaks a rule", 400),
    UNAUTHORIZED("unauthorized", "Authentication is required", 401),
    FORBIDDEN("forbidden", "The caller may not do this", 403),
    STEP_UP_REQUIRED("step-up-required", "This action needs a recently proven second factor", 403),
    PRIVILEGED_FIELD("privileged-field", "The body sets a field this caller may not set", 403),
    NOT_FOUND("not-found", "No such resource", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "The resource does not support this method", 405),
    DUPLICATE_KEY("duplicate-key", "A value that must be unique is taken", 409),
    CONCURRENT_UPDATE("concurrent-update", "The resource was changed since the given version was read", 409),
    LAST_ADMIN("last-admin", "The last active admin may be neither demoted nor disabled", 409),
    REFERENCE_IN_USE("reference-in-use", "The resource is still referred to", 409),
    PRECONDITION_FAILED("precondition-failed", "The resource no longer matches If-Match", 412),
    BODY_TOO_LARGE("body-too-large", "The body is larger than the API accepts", 413),
    SESSION_DENIED("session-denied", "The subscriber may not open this session", 403),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The body must be application/json", 415),
    UNKNOWN_REFERENCE("unknown-reference", "The value refers to something that does not exist", 422),
    PRECONDITION_REQUIRED("precondition-required", "An update must say which version it is based on", 428),
    INTERNAL_ERROR("internal-error", "The server failed to handle the request", 500),
    CAPACITY_FULL("capacity-full", "The node's egress capacity is full: retry later", 503);

    private static final String PREFIX = "urn:headwater:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** {@code urn:headwater:problem:<slug>}. */
    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
