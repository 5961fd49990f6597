package headwater.api;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.catalog.UnknownReferenceException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become problem details: the {@link CatalogException} family, the API's own
 * {@link ApiException}s, vertx-web's status failures (404, 405, 413) and anything unexpected (500, logged with its
 * stack; the client sees no internals).
 */
final class Problems {

    /** Set on the routing context by a handler whose update was conditional on {@code If-Match}. */
    static final String IF_MATCH_USED = "headwater.api.ifMatch";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** The body field that holds the references to an entity, per resource: "channels" refer to categoryIds. */
    private static final Map<String, String> REFERENCE_FIELDS = Map.ofEntries(
            Map.entry("channels/category", "categoryIds"),
            Map.entry("categories/parent category", "parentId"),
            Map.entry("packages/channel", "channelIds"),
            Map.entry("plans/package", "packageIds"),
            Map.entry("subscribers/package", "packageIds"),
            Map.entry("subscribers/plan", "planId"),
            Map.entry("subscribers/reseller", "resellerId"),
            Map.entry("subscribers/device", "deviceId"),
            Map.entry("devices/subscriber", "subscriberId"),
            Map.entry("movies/category", "categoryIds"),
            Map.entry("series/category", "categoryIds"));

    private Problems() {
    }

    /** The router's failure handler and error handler: answers with the problem for the failure. */
    static void handle(RoutingContext ctx) {
        Problem problem = ctx.failure() == null ? forStatus(ctx, ctx.statusCode()) : from(ctx, ctx.failure());
        ctx.put(AuditRecorder.PROBLEM, problem);
        if (problem.status() >= 500) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        } else {
            LOG.debug("{} {}: {}", ctx.request().method(), ctx.request().path(), problem.detail());
        }
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", AdminAuth.CHALLENGE);
        }
        if (problem.status() == 405) {
            ctx.response().putHeader(HttpHeaders.ALLOW, allowed(ctx));
        }
        if (!ctx.request().isEnded() && ctx.request().version() != HttpVersion.HTTP_2) {
            // HTTP/1.1 body not (fully) read, e.g. too large: close rather than make the client send the rest.
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        Replies.problem(ctx, problem);
    }

    static Problem from(RoutingContext ctx, Throwable failure) {
        String instance = ctx.request().path();
        return switch (failure) {
            case ApiException api -> Problem.of(api.type(), api.getMessage(), instance, api.errors());
            case CatalogException catalog -> catalog(ctx, catalog, instance);
            case HttpException http -> forStatus(ctx, http.getStatusCode());
            default -> Problem.of(ProblemType.INTERNAL_ERROR, "the request could not be completed; the server log "
                    + "has the cause", instance, List.of());
        };
    }

    private static Problem catalog(RoutingContext ctx, CatalogException failure, String instance) {
        String detail = failure.getMessage();
        return switch (failure) {
            case InvalidValueException invalid -> Problem.of(ProblemType.VALIDATION_FAILED, detail, instance,
                    List.of(new FieldError(invalid.field(), afterField(detail, invalid.entity(), invalid.field()))));
            case DuplicateKeyException duplicate -> Problem.of(ProblemType.DUPLICATE_KEY, detail, instance,
                    List.of(new FieldError(duplicate.field(),
                            afterField(detail, duplicate.entity(), duplicate.field()))));
            case UnknownReferenceException unknown -> Problem.of(ProblemType.UNKNOWN_REFERENCE, detail, instance,
                    List.of(new FieldError(referenceField(instance, unknown.referencedEntity()),
                            "refers to unknown " + unknown.referencedEntity() + " ids " + unknown.missingIds())));
            case NotFoundException ignored -> Problem.of(ProblemType.NOT_FOUND, detail, instance, List.of());
            case ConcurrentUpdateException concurrent -> Boolean.TRUE.equals(ctx.get(IF_MATCH_USED))
                    ? Problem.of(ProblemType.PRECONDITION_FAILED, detail, instance, List.of(new FieldError("If-Match",
                    "names version " + concurrent.expectedVersion() + ", the stored version is "
                            + concurrent.actualVersion())))
                    : Problem.of(ProblemType.CONCURRENT_UPDATE, detail, instance, List.of(new FieldError("version",
                    "is " + concurrent.expectedVersion() + ", the stored version is " + concurrent.actualVersion())));
            case ReferenceInUseException ignored -> Problem.of(ProblemType.REFERENCE_IN_USE, detail, instance, List.of());
        };
    }

    private static Problem forStatus(RoutingContext ctx, int status) {
        String instance = ctx.request().path();
        String method = ctx.request().method().name();
        return switch (status) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no resource at " + instance, instance, List.of());
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, method + " is not supported on " + instance
                    + "; allowed: " + allowed(ctx), instance, List.of());
            case 413 -> Problem.of(ProblemType.BODY_TOO_LARGE, "the body is larger than " + AdminApi.MAX_BODY_BYTES
                    + " bytes", instance, List.of());
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be " + Replies.JSON,
                    instance, List.of());
            case 400 -> Problem.of(ProblemType.MALFORMED_JSON, "the request could not be read", instance, List.of());
            default -> Problem.of(ProblemType.INTERNAL_ERROR, "the request could not be completed; the server log "
                    + "has the cause", instance, List.of());
        };
    }

    /** "channel name is blank" with entity "channel" and field "name" gives "is blank". */
    private static String afterField(String message, String entity, String field) {
        String prefix = entity + " " + field + " ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String referenceField(String instance, String referencedEntity) {
        String[] segments = instance.split("/");
        String collection = segments.length > 3 ? segments[3] : "";
        return REFERENCE_FIELDS.getOrDefault(collection + "/" + referencedEntity, referencedEntity + "Ids");
    }

    private static String allowed(RoutingContext ctx) {
        return ctx.get(ALLOWED_METHODS, "GET");
    }

    /** Set by a resource's catch-all route: the methods its path supports, for {@code Allow}. */
    static final String ALLOWED_METHODS = "headwater.api.allow";
}
