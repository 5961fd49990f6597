package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceRepository;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.PlanRepository;
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
import java.util.Optional;
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
    /** The value of the {@code owner} filter for the operator's own subscribers. */
    static final String OPERATOR = "operator";

    private final SubscriberRepository subscribers;
    private final DeviceRepository devices;
    private final PlanRepository plans;
    private final PasswordHasher hasher;
    private final Authorization authorization;
    private final Representation<Subscriber> representation = Representation.versioned(PATH, Subscriber::id,
            Subscriber::version, SubscriberView::of);
    private final Representation<Device> deviceRepresentation = Representation.versioned(DeviceResource.PATH, Device::id,
            Device::version, DeviceView::of);

    SubscriberResource(SubscriberRepository subscribers, DeviceRepository devices, PlanRepository plans,
                       PasswordHasher hasher, Authorization authorization) {
        this.subscribers = subscribers;
        this.devices = devices;
        this.plans = plans;
        this.hasher = hasher;
        this.authorization = authorization;
    }

    void mount(Routes routes) {
        Routes.Area area = routes.area(ApiScope.SUBSCRIBERS_READ, ApiScope.SUBSCRIBERS_WRITE);
        area.add(HttpMethod.GET, PATH, this::list);
        area.add(HttpMethod.POST, PATH, this::create);
        area.add(HttpMethod.GET, PATH + "/:id", ctx -> {
            String reseller = Caller.reseller(ctx);
            representation.read(ctx, id -> Caller.own(reseller, subscribers.get(id)));
        });
        area.add(HttpMethod.PUT, PATH + "/:id", this::replace);
        area.add(HttpMethod.DELETE, PATH + "/:id", this::delete);
        area.add(HttpMethod.GET, PATH + "/:id/devices", this::devices);
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
        String reseller = Caller.reseller(ctx);
        // A reseller lists its own subscribers, whatever owner it names.
        Owner ownerFilter = reseller != null ? Owner.reseller(reseller)
                : owner == null ? null : owner.equals(OPERATOR) ? Owner.OPERATOR : Owner.reseller(owner);
        SubscriberQuery subscriberQuery = new SubscriberQuery(status, ownerFilter,
                query.text("usernamePrefix"), expiringBefore, sort.by(), sort.descending(), paging.offset(),
                paging.size());
        representation.page(ctx, paging, () -> subscribers.list(subscriberQuery));
    }

    private void create(RoutingContext ctx) {
        SubscriberBody body = Json.body(ctx, SubscriberBody.class, "subscriber");
        SubscriberDraft asked = validated(body, null, () -> Bodies.noVersion(body.version()));
        String reseller = Caller.reseller(ctx);
        representation.create(ctx, () -> {
            SubscriberDraft draft = reseller == null ? asked : confined(body, reseller, asked, null);
            return subscribers.create(draft.withPasswordHash(hash(body)));
        });
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IfMatch ifMatch = IfMatch.parse(ctx.request().getHeader(IfMatch.HEADER));
        SubscriberBody body = Json.body(ctx, SubscriberBody.class, "subscriber");
        Long[] version = new Long[1];
        SubscriberDraft asked = validated(body, id, () -> version[0] = IfMatch.expectedVersion(ctx, ifMatch,
                body.version()));
        if (body.password() != null && !authorization.requireStepUp(ctx, Caller.principal(ctx))) {
            body.clearPassword(); // setting someone else's password is sensitive
            return;
        }
        String reseller = Caller.reseller(ctx);
        representation.update(ctx, () -> {
            Subscriber current = Caller.own(reseller, subscribers.get(id));
            AuditRecorder.before(ctx, SubscriberView.of(current));
            SubscriberDraft draft = reseller == null ? asked : confined(body, reseller, asked, current);
            PasswordHash newHash = body.password() == null ? null : hash(body);
            return subscribers.update(version[0] == null ? current.version() : version[0],
                    draft.withPasswordHash(newHash == null ? current.passwordHash() : newHash));
        });
    }

    private void delete(RoutingContext ctx) {
        String reseller = Caller.reseller(ctx);
        Crud.delete(ctx, "subscriber", id -> {
            Optional<Subscriber> current = subscribers.find(id);
            if (current.isEmpty()) {
                return false;
            }
            AuditRecorder.before(ctx, SubscriberView.of(Caller.own(reseller, current.get())));
            return subscribers.delete(id);
        });
    }

    /** The reseller's draft after {@link ResellerFields}, with the password cleared when it is refused. */
    private SubscriberDraft confined(SubscriberBody body, String reseller, SubscriberDraft asked, Subscriber current) {
        try {
            return ResellerFields.check(reseller, asked, current, plans);
        } catch (RuntimeException e) {
            body.clearPassword();
            throw e;
        }
    }

    private void devices(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String reseller = Caller.reseller(ctx);
        deviceRepresentation.list(ctx, Paging.only(ctx), () -> {
            Caller.own(reseller, subscribers.find(id).orElseThrow(() -> new NotFoundException("subscriber", id)));
            return devices.ofSubscriber(id);
        });
    }

    /** The draft after {@code checks}, or the validation error with the password cleared first. */
    private static SubscriberDraft validated(SubscriberBody body, String pathId, Runnable checks) {
        try {
            checks.run();
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
}
