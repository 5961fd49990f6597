package headwater.api;

import headwater.api.auth.Principal;
import headwater.api.xtream.PlaylistTokens;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.subscriber.DeviceRepository;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/portal/...}: a subscriber's own data, for its portal session ({@link Access#PORTAL}: subscribers
 * only, and nothing else is open to them). The subscriber is always the Principal's, never a path or body value, so
 * there is no id to tamper with: profile, devices, playlist tokens, running sessions (and ending one of its own), and
 * the password (the current one required).
 */
final class PortalResource {

    static final String PATH = AdminApi.BASE + "/portal";

    private final SubscriberRepository subscribers;
    private final DeviceRepository devices;
    private final PasswordHasher hasher;
    private final SessionControl sessions;
    private final PlaylistTokens tokens;

    /** @param tokens the playlist tokens, or null when this server keeps none (that route answers an empty list) */
    PortalResource(SubscriberRepository subscribers, DeviceRepository devices, PasswordHasher hasher,
                   SessionControl sessions, PlaylistTokens tokens) {
        this.subscribers = subscribers;
        this.devices = devices;
        this.hasher = hasher;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH + "/profile", Access.PORTAL, this::profile);
        routes.add(HttpMethod.GET, PATH + "/devices", Access.PORTAL, this::devices);
        routes.add(HttpMethod.GET, PATH + "/playlist-tokens", Access.PORTAL, this::playlistTokens);
        routes.add(HttpMethod.GET, PATH + "/sessions", Access.PORTAL, this::sessions);
        routes.add(HttpMethod.DELETE, PATH + "/sessions/:id", Access.PORTAL, this::end);
        routes.add(HttpMethod.PUT, PATH + "/password", Access.PORTAL, this::password);
    }

    private static String self(RoutingContext ctx) {
        Principal principal = Caller.principal(ctx);
        return principal.subscriberId();
    }

    private void profile(RoutingContext ctx) {
        String id = self(ctx);
        Blocking.run(ctx, () -> SubscriberView.of(subscribers.get(id)), view -> Replies.json(ctx, 200, view));
    }

    private void devices(RoutingContext ctx) {
        String id = self(ctx);
        Blocking.run(ctx, () -> devices.ofSubscriber(id).stream().map(DeviceView::of).toList(),
                views -> Replies.listing(ctx, new Listing<>(views, 1, views.size(), views.size())));
    }

    private void playlistTokens(RoutingContext ctx) {
        String id = self(ctx);
        Blocking.run(ctx, () -> tokens == null ? List.<PlaylistTokenView>of()
                        : tokens.repository().ofSubscriber(id).stream().map(PlaylistTokenView::of).toList(),
                views -> Replies.listing(ctx, new Listing<>(views, 1, views.size(), views.size())));
    }

    private void sessions(RoutingContext ctx) {
        String id = self(ctx);
        Blocking.run(ctx, () -> sessions.list(Optional.of(id)).stream().map(SessionView::listed).toList(),
                views -> Replies.listing(ctx, new Listing<>(views, 1, views.size(), views.size())));
    }

    /** Ends one of the subscriber's own sessions; any other id is not found. */
    private void end(RoutingContext ctx) {
        String id = self(ctx);
        String session = ctx.pathParam("id");
        Blocking.run(ctx, () -> {
            boolean own = sessions.list(Optional.of(id)).stream()
                    .anyMatch(listed -> listed.record().session().id().equals(session));
            if (!own || !sessions.end(session)) {
                throw new NotFoundException("session", session);
            }
            return session;
        }, ended -> Replies.noContent(ctx));
    }

    /** {@code {"currentPassword": "...", "newPassword": "..."}}: the current one must match; never echoed. */
    private void password(RoutingContext ctx) {
        String id = self(ctx);
        PasswordBody body = Json.body(ctx, PasswordBody.class, "password change");
        Blocking.run(ctx, () -> {
            try {
                body.check();
                Subscriber current = subscribers.get(id);
                if (!hasher.verify(body.currentPassword(), current.passwordHash())) {
                    throw ApiException.field(ProblemType.VALIDATION_FAILED, "currentPassword", "does not match");
                }
                PasswordHash hash = hasher.hash(body.newPassword());
                subscribers.update(current.version(), current.draft().withPasswordHash(hash));
                return id;
            } finally {
                body.clear();
            }
        }, changed -> Replies.noContent(ctx));
    }

    /** A password change: both write-only, overwritten in memory once used. */
    record PasswordBody(char[] currentPassword, char[] newPassword) {

        void check() {
            List<FieldError> errors = new java.util.ArrayList<>();
            Bodies.required("currentPassword", currentPassword, errors);
            Bodies.required("newPassword", newPassword, errors);
            if (newPassword != null && (newPassword.length < SubscriberBody.MIN_PASSWORD_LENGTH
                    || newPassword.length > SubscriberBody.MAX_PASSWORD_LENGTH)) {
                errors.add(new FieldError("newPassword", "is " + newPassword.length + " characters long: "
                        + SubscriberBody.MIN_PASSWORD_LENGTH + " to " + SubscriberBody.MAX_PASSWORD_LENGTH + " allowed"));
            }
            Bodies.check(errors);
        }

        void clear() {
            if (currentPassword != null) {
                Arrays.fill(currentPassword, '\0');
            }
            if (newPassword != null) {
                Arrays.fill(newPassword, '\0');
            }
        }

        @Override
        public String toString() {
            return "PasswordBody[***]";
        }
    }
}
