package headwater.api;

import headwater.api.auth.Principal;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.identity.Role;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.Subscriber;
import io.vertx.ext.web.RoutingContext;

/**
 * The authenticated caller of a request, as resources ask about it: who it is and which objects it may see. A
 * reseller sees only its own subscribers (and their devices and tokens) and its own reseller record; any other
 * is "not found", exactly as if it did not exist, so that ids cannot be probed.
 */
final class Caller {

    private Caller() {
    }

    /** The request's Principal; authentication guarantees one on every route behind it. */
    static Principal principal(RoutingContext ctx) {
        Principal principal = ctx.get(Principal.KEY);
        if (principal == null) {
            throw new IllegalStateException("no Principal on an authenticated route: " + ctx.request().path());
        }
        return principal;
    }

    /** The reseller the caller is confined to, or null for operators. */
    static String reseller(RoutingContext ctx) {
        Principal principal = principal(ctx);
        if (principal.role() != Role.RESELLER) {
            return null;
        }
        if (principal.resellerId() == null) {
            throw new IllegalStateException("a RESELLER principal without its reseller: " + principal.name());
        }
        return principal.resellerId();
    }

    /** @throws NotFoundException when the caller is a reseller and {@code subscriber} is not its own */
    static Subscriber own(String reseller, Subscriber subscriber) {
        if (reseller != null && !Owner.reseller(reseller).equals(subscriber.draft().owner())) {
            throw new NotFoundException("subscriber", subscriber.id());
        }
        return subscriber;
    }

    /** @throws NotFoundException when the caller is a reseller and {@code resellerId} is not its own id */
    static void ownReseller(String reseller, String resellerId) {
        if (reseller != null && !reseller.equals(resellerId)) {
            throw new NotFoundException("reseller", resellerId);
        }
    }
}
