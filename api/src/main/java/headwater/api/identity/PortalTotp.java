package headwater.api.identity;

import headwater.api.Blocking;
import headwater.domain.identity.SubscriberTotp;
import headwater.domain.identity.SubscriberTotpRepository;
import headwater.domain.identity.TotpSeed;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.security.totp.OtpauthUri;
import headwater.security.totp.QrSvg;
import headwater.security.totp.Totp;
import headwater.security.totp.TotpKey;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A subscriber's optional TOTP, from their portal session: see whether it is on, enrol (a new pending key shown once: otpauth URI, manual
 * key, QR code), confirm with the app's first code, disable with the password and a current code. Once confirmed,
 * the portal login needs a code too ({@link SubscriberLogin}). Wrong codes and passwords are throttled like logins
 * and refused with one 403; every change is audited.
 */
final class PortalTotp {

    static final String STATUS = "/api/v1/portal/totp";
    static final String ENROL = "/api/v1/portal/totp/enrol";
    static final String CONFIRM = "/api/v1/portal/totp/confirm";
    static final String DISABLE = "/api/v1/portal/totp/disable";

    private final SubscriberTotpRepository totps;
    private final SubscriberRepository subscribers;
    private final WebSessions sessions;
    private final PasswordCheck passwords;
    private final CredentialGuard guard;
    private final SecurityAudit audit;
    private final String issuer;
    private final Function<RoutingContext, String> address;
    private final Clock clock;

    PortalTotp(SubscriberTotpRepository totps, SubscriberRepository subscribers, WebSessions sessions,
               PasswordCheck passwords, LoginGate gate, SecurityAudit audit, String issuer,
               Function<RoutingContext, String> address, Clock clock) {
        this.totps = totps;
        this.subscribers = subscribers;
        this.sessions = sessions;
        this.passwords = passwords;
        this.guard = new CredentialGuard(gate);
        this.audit = audit;
        this.issuer = issuer;
        this.address = address;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get(STATUS).handler(ctx -> withSubscriber(ctx, this::status));
        router.post(ENROL).handler(ctx -> withSubscriber(ctx, this::enrol));
        router.post(CONFIRM).handler(ctx -> withSubscriber(ctx, this::confirm));
        router.post(DISABLE).handler(ctx -> withSubscriber(ctx, this::disable));
    }

    /** Whether {@code code} is the enrolment's current code, unused so far; records its step when it is. */
    static boolean verify(SubscriberTotpRepository totps, SubscriberTotp totp, String code, Instant now) {
        if (code == null) {
            return false;
        }
        OptionalLong step = Totp.verify(TotpKey.of(totp.seed().bytes()), code, now, totp.lastStep());
        return step.isPresent() && totps.useStep(totp.subscriberId(), step.getAsLong());
    }

    /** Whether the caller has TOTP: {@code enrolled} (the login needs a code) and {@code pending} (not confirmed). */
    private void status(RoutingContext ctx, Caller caller) {
        Blocking.run(ctx, () -> totps.find(caller.principal().id()), totp -> AuthReplies.json(ctx, 200,
                new JsonObject().put("enrolled", totp.isPresent() && totp.get().confirmed())
                        .put("pending", totp.isPresent() && !totp.get().confirmed())));
    }

    private void enrol(RoutingContext ctx, Caller caller) {
        String id = caller.principal().id();
        String from = address.apply(ctx);
        Blocking.run(ctx, () -> {
            Optional<SubscriberTotp> current = totps.find(id);
            if (current.isPresent() && current.get().confirmed()) {
                return Optional.<JsonObject>empty();
            }
            TotpKey key = TotpKey.generate();
            if (!totps.start(id, new TotpSeed(key.bytes()), clock.instant())) {
                return Optional.<JsonObject>empty();
            }
            audit.subscriber(id, from, "totp.enrol", "ok:pending");
            String uri = OtpauthUri.of(issuer, caller.principal().name(), key);
            return Optional.of(new JsonObject().put("otpauthUri", uri).put("manualKey", key.grouped())
                    .put("qrSvg", QrSvg.of(uri)));
        }, shown -> {
            if (shown.isEmpty()) {
                AuthReplies.problem(ctx, 409, "totp-enrolled", "TOTP is enrolled already: disable it first");
            } else {
                AuthReplies.json(ctx, 200, shown.get());
            }
        });
    }

    private void confirm(RoutingContext ctx, Caller caller) {
        JsonObject body = AuthReplies.body(ctx);
        if (body == null) {
            return;
        }
        String code = AuthReplies.text(body, "code");
        if (code == null || code.isBlank() || code.length() > Credentials.MAX_CODE) {
            AuthReplies.badRequest(ctx, "code is required");
            return;
        }
        String id = caller.principal().id();
        guarded(ctx, caller, "totp.confirm", () -> {
            Optional<SubscriberTotp> pending = totps.find(id).filter(t -> !t.confirmed());
            Instant now = clock.instant();
            if (pending.isEmpty() || !verify(totps, pending.get(), code, now) || !totps.confirm(id, now)) {
                return false;
            }
            sessions.repository().proveSecondFactor(caller.session().id(), now);
            return true;
        });
    }

    private void disable(RoutingContext ctx, Caller caller) {
        JsonObject body = AuthReplies.body(ctx);
        if (body == null) {
            return;
        }
        String password = AuthReplies.text(body, "password");
        String code = AuthReplies.text(body, "code");
        if (!Credentials.plausible(caller.principal().name(), password, code) || code == null) {
            AuthReplies.badRequest(ctx, "password and code are required");
            return;
        }
        String id = caller.principal().id();
        guarded(ctx, caller, "totp.disable", () -> {
            Optional<Subscriber> subscriber = subscribers.find(id);
            Optional<SubscriberTotp> enrolled = totps.find(id).filter(SubscriberTotp::confirmed);
            boolean passwordMatches = passwords.matches(password,
                    subscriber.map(Subscriber::passwordHash).orElse(null));
            if (subscriber.isEmpty() || !passwordMatches || enrolled.isEmpty()
                    || !verify(totps, enrolled.get(), code, clock.instant())) {
                return false;
            }
            return totps.remove(id);
        });
    }

    private void guarded(RoutingContext ctx, Caller caller, String action, Callable<Boolean> work) {
        String id = caller.principal().id();
        String from = address.apply(ctx);
        guard.run(ctx, caller.principal().name(), from, action, work, () -> audit.subscriber(id, from, action, "ok"),
                () -> AuthReplies.noContent(ctx));
    }

    private static void withSubscriber(RoutingContext ctx, java.util.function.BiConsumer<RoutingContext, Caller> then) {
        Caller caller = ctx.get(Caller.KEY);
        if (caller == null || caller.account() != null) {
            AuthReplies.problem(ctx, 403, "web-session-required", "This needs a subscriber's portal session");
            return;
        }
        then.accept(ctx, caller);
    }
}
