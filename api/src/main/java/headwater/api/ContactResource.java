package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.subscriber.ContactRepository;
import headwater.domain.subscriber.SubscriberRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/subscribers/{id}/contact}: a subscriber's e-mail and phone (personal data, stored sealed). {@code GET}
 * shows them, {@code PUT} replaces both (null or empty clears one).
 */
final class ContactResource {

    static final String PATH = SubscriberResource.PATH + "/:id/contact";

    private final ContactRepository contacts;
    private final SubscriberRepository subscribers;

    /**
     * @param contacts    the contact details, or null when this API keeps none (every call answers 404)
     * @param subscribers whose owners confine resellers to their own subscribers' details
     */
    ContactResource(ContactRepository contacts, SubscriberRepository subscribers) {
        this.contacts = contacts;
        this.subscribers = subscribers;
    }

    void mount(Routes routes) {
        Routes.Area area = routes.area(ApiScope.SUBSCRIBERS_READ, ApiScope.SUBSCRIBERS_WRITE);
        area.add(HttpMethod.GET, PATH, this::show);
        area.add(HttpMethod.PUT, PATH, this::replace);
    }

    private void show(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String reseller = Caller.reseller(ctx);
        Blocking.run(ctx, () -> ContactView.of(available(reseller, id).find(id)), view -> Replies.json(ctx, 200, view));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        ContactView body = Json.body(ctx, ContactView.class, "contact");
        String reseller = Caller.reseller(ctx);
        Blocking.run(ctx, () -> {
            var contact = body.contact();
            available(reseller, id).put(id, contact);
            return ContactView.of(contact);
        }, view -> Replies.json(ctx, 200, view));
    }

    /** @throws NotFoundException no contact details kept, or (for a reseller) not its own subscriber */
    private ContactRepository available(String reseller, String id) {
        if (contacts == null) {
            throw new NotFoundException("subscriber", id);
        }
        if (reseller != null) {
            Caller.own(reseller, subscribers.find(id).orElseThrow(() -> new NotFoundException("subscriber", id)));
        }
        return contacts;
    }
}
