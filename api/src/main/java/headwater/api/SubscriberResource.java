package headwater.api;

import headwater.domain.catalog.NotFoundException;
import headwater.domain.subscriber.DeviceRepository;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberQuery;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.domain.subscriber.SubscriberSort;
import headwater.domain.subscriber.SubscriberStatus;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/subscribers}: list (paged, filtered, sorted as {@link SubscriberQuery}), create, read, replace
 * (optimistic: {@code version} or {@code If-Match}), delete, and the subscriber's devices. Passwords are hashed on a
 * worker thread (Argon2id is deliberately slow) and never returned.
 */
final class SubscriberResource {

    static final String PATH = AdminApi.BASE + "/subscribers";
    private static final Set<String> LIST_PARAMETERS = Set.of("page", "size", "sort", "status", "owner",
            "usernamePrefix", "expiringBefore");
    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "size");
    /** The value of the {@code owner} filter for the operator's own subscribers. */
    static final String OPERATOR = "operator";

    private final SubscriberRepository subscribers;
    private final DeviceRepository devices;
    private final PasswordHasher hasher;

    SubscriberResource(SubscriberRepository subscribers, DeviceRepository devices, PasswordHasher hasher) {
        this.subscribers = subscribers;
        this.devices = devices;
        this.hasher = hasher;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, this::list);
        routes.add(HttpMethod.POST, PATH, this::create);
        routes.add(HttpMethod.GET, PATH + "/:id", this::read);
        routes.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        routes.add(HttpMethod.DELETE, PATH + "/:id", ctx -> Crud.delete(ctx, "subscriber", subscribers::delete));
        routes.add(HttpMethod.GET, PATH + "/:id/devices", this::devices);
    }

    private void list(RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), LIST_PARAMETERS);
        Paging paging = Paging.from(query);
        QueryParameters.Sorting<SubscriberSort> sort = query.sort(SubscriberSort.class, SubscriberSort.USERNAME);
        SubscriberStatus status = query.choice("status", SubscriberStatus.class);
        String owner = query.text("owner");
        String before = query.text("expiringBefore");
        List<FieldError> errors = new ArrayList<>();
        Instant expiringBefore = before == null ? null : SubscriberBody.instant("expiringBefore", before, errors);
        errors.forEach(error -> query.error(error.field(), error.message()));
        query.check();
        SubscriberQuery subscriberQuery = new SubscriberQuery(status,
                owner == null ? null : owner.equals(OPERATOR) ? Owner.OPERATOR : Owner.reseller(owner),
                query.text("usernamePrefix"), expiringBefore, sort.by(), sort.descending(), paging.offset(),
                paging.size());
        Blocking.run(ctx, () -> subscribers.list(subscriberQuery), page -> Replies.listing(ctx,
                paging.listing(page.items().stream().map(SubscriberView::of).toList(), page.total())));
    }

    private void create(RoutingContext ctx) {
        SubscriberBody body = Json.body(ctx, SubscriberBody.class, "subscriber");
        if (body.version() != null) {
            body.clearPassword();
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "version", "is set by the server: leave it out "
                    + "when creating");
        }
        SubscriberDraft draft = validated(body, null);
        Blocking.run(ctx, () -> subscribers.create(draft.withPasswordHash(hash(body))),
                created -> Replies.created(ctx, PATH + "/" + created.id(), IfMatch.versionTag(created.version()),
                        SubscriberView.of(created)));
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> subscribers.get(id), subscriber -> reply(ctx, subscriber));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        SubscriberBody body = Json.body(ctx, SubscriberBody.class, "subscriber");
        Long version;
        try {
            version = IfMatch.expectedVersion(ifMatch, body.version());
        } catch (ApiException e) {
            body.clearPassword();
            throw e;
        }
        SubscriberDraft draft = validated(body, id);
        ctx.put(Problems.IF_MATCH_USED, ifMatch != null);
        Blocking.run(ctx, () -> {
            PasswordHash newHash = body.password() == null ? null : hash(body);
            Subscriber current = subscribers.get(id);
            return subscribers.update(version == null ? current.version() : version,
                    draft.withPasswordHash(newHash == null ? current.passwordHash() : newHash));
        }, updated -> reply(ctx, updated));
    }

    private void devices(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        QueryParameters query = new QueryParameters(ctx.queryParams(), PAGE_PARAMETERS);
        Paging paging = Paging.from(query);
        query.check();
        Blocking.run(ctx, () -> {
            if (subscribers.find(id).isEmpty()) {
                throw new NotFoundException("subscriber", id);
            }
            return devices.ofSubscriber(id);
        }, all -> Replies.listing(ctx, paging.listing(paging.of(all).stream().map(DeviceView::of).toList(),
                all.size())));
    }

    /** The draft, or the validation error with the password cleared first. */
    private static SubscriberDraft validated(SubscriberBody body, String pathId) {
        try {
            return body.draft(pathId);
        } catch (RuntimeException e) {
            body.clearPassword();
            throw e;
        }
    }

    /** Hashes and clears the body's password. Blocking: Argon2id takes tens of milliseconds by design. */
    private PasswordHash hash(SubscriberBody body) {
        try {
            return hasher.hash(body.password());
        } finally {
            body.clearPassword();
        }
    }

    private static void reply(RoutingContext ctx, Subscriber subscriber) {
        Replies.tagged(ctx, IfMatch.versionTag(subscriber.version()), SubscriberView.of(subscriber));
    }
}
