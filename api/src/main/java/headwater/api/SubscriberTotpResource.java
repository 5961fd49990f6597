package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.identity.SubscriberTotp;
import headwater.domain.identity.SubscriberTotpRepository;
import headwater.domain.subscriber.SubscriberRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code /api/v1/subscribers/{id}/totp}: whether a subscriber's portal login needs a TOTP code, and its reset, for a
 * subscriber who lost the authenticator. The reset removes the enrolment (confirmed or pending), so the next portal
 * login takes the password alone and the subscriber can enrol again. It is sensitive (step-up), as setting someone
 * else's password is, and audited with the state before; a reseller reaches only its own subscribers.
 */
final class SubscriberTotpResource {

    static final String PATH = SubscriberResource.PATH + "/:id/totp";

    private final SubscriberTotpRepository totps;
    private final SubscriberRepository subscribers;

    /**
     * @param totps       the subscribers' TOTP enrolments, or null when this API keeps none (every call answers 404)
     * @param subscribers whose existence and owners the routes check
     */
    SubscriberTotpResource(SubscriberTotpRepository totps, SubscriberRepository subscribers) {
        this.totps = totps;
        this.subscribers = subscribers;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, Access.to(ApiScope.SUBSCRIBERS_READ), this::show);
        routes.add(HttpMethod.DELETE, PATH, Access.sensitive(ApiScope.SUBSCRIBERS_WRITE), this::reset);
    }

    private void show(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String reseller = Caller.reseller(ctx);
        Blocking.run(ctx, () -> TotpStatusView.of(available(reseller, id).find(id)),
                view -> Replies.json(ctx, 200, view));
    }

    private void reset(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String reseller = Caller.reseller(ctx);
        Blocking.run(ctx, () -> {
            SubscriberTotpRepository repository = available(reseller, id);
            Optional<SubscriberTotp> current = repository.find(id);
            if (current.isEmpty()) {
                throw new NotFoundException("TOTP of subscriber", id);
            }
            AuditRecorder.before(ctx, TotpStatusView.of(current));
            if (!repository.remove(id)) {
                throw new NotFoundException("TOTP of subscriber", id); // removed meanwhile by another request
            }
            return true;
        }, removed -> Replies.noContent(ctx));
    }

    /** @throws NotFoundException no enrolments kept, no such subscriber, or (for a reseller) not its own */
    private SubscriberTotpRepository available(String reseller, String id) {
        if (totps == null) {
            throw new NotFoundException("subscriber", id);
        }
        Caller.own(reseller, subscribers.find(id).orElseThrow(() -> new NotFoundException("subscriber", id)));
        return totps;
    }

    /**
     * @param enrolled the portal login needs a code
     * @param pending  a key was shown but its first code not confirmed yet
     */
    record TotpStatusView(boolean enrolled, boolean pending) {
        static TotpStatusView of(Optional<SubscriberTotp> totp) {
            return new TotpStatusView(totp.isPresent() && totp.get().confirmed(),
                    totp.isPresent() && !totp.get().confirmed());
        }
    }
}
