package headwater.api.identity;

import headwater.api.Blocking;
import headwater.api.auth.Principal;
import headwater.api.auth.WebAuthentication;
import headwater.domain.audit.AuditTrail;
import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.AccountStatus;
import headwater.domain.identity.SessionOwner;
import headwater.domain.identity.SubscriberTotpRepository;
import headwater.domain.identity.WebSession;
import headwater.domain.identity.WebSessionRepository;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cookie web sessions for operators, resellers and subscribers ({@link WebAuthentication}).
 *
 * <p>Public routes: {@code POST /api/v1/auth/login} (username, password, and {@code totp}: a TOTP or recovery code),
 * {@code POST /api/v1/portal/login} (subscribers: username, password, and {@code totp} once they enrolled one),
 * {@code POST /api/v1/auth/logout}. A login always opens a new
 * session with a new id (a cookie the browser brought is ignored and its session ended), sets
 * {@code __Host-hw_session} ({@code Secure; HttpOnly; SameSite=Strict; Path=/}) and returns the session's CSRF token.
 * Every refusal is one 401 with one body; throttled attempts get 429 with {@code Retry-After}.
 *
 * <p>The {@link #authenticator()} turns a valid cookie into a {@link Principal}; a state-changing request with a
 * cookie must carry {@code X-CSRF-Token} equal to the session's token (compared in constant time) or gets 403. An
 * operator or reseller without a proven second factor (TOTP not enrolled yet) gets a session limited to enrolment:
 * everything else answers 403 until the enrolment is confirmed.
 */
public final class WebAuthenticator implements WebAuthentication {

    public static final String LOGIN = "/api/v1/auth/login";
    public static final String LOGOUT = "/api/v1/auth/logout";
    public static final String PORTAL_LOGIN = "/api/v1/portal/login";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** What a limited session may still reach. */
    static final Set<String> OPEN_WHILE_LIMITED = Set.of(SelfService.ME, SelfService.PASSWORD, SelfService.ENROL,
            SelfService.CONFIRM, LOGOUT);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final long MAX_LOGIN_BODY = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebAuthenticator.class);

    private final AccountRepository accounts;
    private final SubscriberRepository subscribers;
    private final WebSessions sessions;
    private final AccountLogin accountLogin;
    private final SubscriberLogin subscriberLogin;
    private final LoginGate gate;
    private final SecurityAudit audit;
    private final Function<HttpServerRequest, InetAddress> clientAddress;
    private final SelfService selfService;
    private final PortalTotp portalTotp;

    /**
     * Blocking: makes the decoy password hash unknown usernames are checked against.
     *
     * @param clientAddress the client's address as the server resolves it (trusted proxies' X-Forwarded-For)
     */
    public WebAuthenticator(AccountRepository accounts, WebSessionRepository sessions, SubscriberRepository subscribers,
                            SubscriberTotpRepository subscriberTotps, PasswordHasher hasher, AuditTrail auditTrail,
                            Function<HttpServerRequest, InetAddress> clientAddress, AuthSettings settings,
                            Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
        this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
        this.sessions = new WebSessions(sessions, settings, clock);
        this.audit = new SecurityAudit(auditTrail, clock);
        this.gate = new LoginGate(new LoginThrottle(clock), audit);
        PasswordCheck passwords = new PasswordCheck(hasher).prepared();
        this.accountLogin = new AccountLogin(accounts, passwords, gate, audit, clock);
        Objects.requireNonNull(subscriberTotps, "subscriberTotps");
        this.subscriberLogin = new SubscriberLogin(subscribers, passwords, gate, audit, subscriberTotps, clock);
        this.selfService = new SelfService(accounts, this.sessions, passwords, gate, audit,
                new TotpEnrolments(accounts, settings.issuer(), clock), this::address, clock);
        this.portalTotp = new PortalTotp(subscriberTotps, subscribers, this.sessions, passwords, gate, audit,
                settings.issuer(), this::address, clock);
    }

    @Override
    public void mountPublic(Router router) {
        router.post(LOGIN).handler(BodyHandler.create(false).setBodyLimit(MAX_LOGIN_BODY)).handler(this::accountLogin);
        router.post(PORTAL_LOGIN).handler(BodyHandler.create(false).setBodyLimit(MAX_LOGIN_BODY))
                .handler(this::portalLogin);
        router.post(LOGOUT).handler(this::logout);
    }

    @Override
    public Handler<RoutingContext> authenticator() {
        return this::authenticate;
    }

    @Override
    public void mountAuthenticated(Router router) {
        selfService.mount(router);
        portalTotp.mount(router);
    }

    private void accountLogin(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        String address = address(ctx);
        login(ctx, () -> accountLogin.login(AuthReplies.text(body, "username"), AuthReplies.text(body, "password"),
                AuthReplies.text(body, "totp"), address), SessionOwner.Kind.ACCOUNT, address);
    }

    private void portalLogin(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        String address = address(ctx);
        login(ctx, () -> subscriberLogin.login(AuthReplies.text(body, "username"), AuthReplies.text(body, "password"),
                AuthReplies.text(body, "totp"), address), SessionOwner.Kind.SUBSCRIBER, address);
    }

    private void login(RoutingContext ctx, Supplier<LoginOutcome> check, SessionOwner.Kind kind, String address) {
        String brought = SessionCookie.read(ctx.request());
        String userAgent = ctx.request().getHeader(HttpHeaders.USER_AGENT);
        Blocking.run(ctx, () -> {
            String stale = brought == null ? null : WebSessions.idOf(brought);
            if (stale != null) {
                sessions.repository().delete(stale);
            }
            LoginOutcome outcome = check.get();
            if (outcome instanceof LoginOutcome.Success success) {
                SessionOwner owner = new SessionOwner(kind, success.ownerId());
                return new Answer(outcome, sessions.open(owner, success.secondFactorAt(), address, userAgent));
            }
            return new Answer(outcome, null);
        }, answer -> {
            if (gate.globalSlowdown()) {
                ctx.vertx().setTimer(LoginThrottle.GLOBAL_DELAY.toMillis(), id -> answerLogin(ctx, answer));
            } else {
                answerLogin(ctx, answer);
            }
        });
    }

    private void answerLogin(RoutingContext ctx, Answer answer) {
        if (ctx.response().closed()) {
            return;
        }
        switch (answer.outcome()) {
            case LoginOutcome.Throttled throttled -> {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfter().toSeconds()));
                AuthReplies.problem(ctx, 429, "too-many-attempts", "Too many failed logins: retry later");
            }
            case LoginOutcome.Refused refused -> AuthReplies.problem(ctx, 401, "login-failed",
                    "The username, password or code is wrong");
            case LoginOutcome.Success success -> {
                WebSession session = answer.issued().session();
                ctx.response().addCookie(SessionCookie.of(answer.issued().cookieValue(), sessions.cookieLifetime()));
                AuthReplies.json(ctx, 200, new JsonObject().put("csrfToken", session.csrfToken())
                        .put("secondFactor", success.secondFactorAt() != null)
                        .put("expires", session.expires().toString()));
            }
        }
    }

    private void logout(RoutingContext ctx) {
        String cookie = SessionCookie.read(ctx.request());
        ctx.response().addCookie(SessionCookie.cleared());
        if (cookie == null) {
            AuthReplies.noContent(ctx);
            return;
        }
        String address = address(ctx);
        Blocking.run(ctx, () -> resolve(cookie), caller -> {
            if (caller.isEmpty()) {
                AuthReplies.noContent(ctx);
                return;
            }
            if (!csrfMatches(ctx, caller.get().session())) {
                refuseCsrf(ctx);
                return;
            }
            Blocking.run(ctx, () -> {
                sessions.repository().delete(caller.get().session().id());
                audit.self(caller.get(), address, "logout", "ok");
                return null;
            }, done -> AuthReplies.noContent(ctx));
        });
    }

    private void authenticate(RoutingContext ctx) {
        String cookie = SessionCookie.read(ctx.request());
        if (cookie == null) {
            ctx.next();
            return;
        }
        // The lookup reads the database on a worker thread; hold the body until the BodyHandler resumes it.
        ctx.request().pause();
        Blocking.run(ctx, () -> resolve(cookie), found -> {
            if (found.isEmpty()) {
                ctx.next();
                return;
            }
            Caller caller = found.get();
            if (!csrfMatches(ctx, caller.session())) {
                refuseCsrf(ctx);
                return;
            }
            if (caller.limited() && !OPEN_WHILE_LIMITED.contains(ctx.normalizedPath())) {
                LOG.info("{} {} refused for {}: TOTP enrolment required first", ctx.request().method(),
                        ctx.request().path(), caller.principal().id());
                AuthReplies.problem(ctx, 403, "totp-enrolment-required",
                        "Enrol a TOTP authenticator and log in with it first");
                return;
            }
            ctx.put(Principal.KEY, caller.principal());
            ctx.put(Caller.KEY, caller);
            ctx.next();
        });
    }

    /** The live session the cookie names and its owner, if both exist and the owner may still log in. */
    private Optional<Caller> resolve(String cookie) {
        Optional<WebSession> found = sessions.find(cookie);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebSession session = found.get();
        if (session.owner().kind() == SessionOwner.Kind.ACCOUNT) {
            Optional<Account> account = accounts.find(session.owner().id())
                    .filter(a -> a.status() == AccountStatus.ACTIVE);
            if (account.isEmpty()) {
                sessions.repository().delete(session.id());
                return Optional.empty();
            }
            Account a = account.get();
            boolean limited = a.needsTotp() && (!a.totpEnrolled() || session.secondFactorAt() == null);
            return Optional.of(new Caller(session, Principal.ofAccount(a.id(), a.username(), a.role(), a.resellerId(),
                    session.secondFactorAt(), session.id()), a, limited));
        }
        Optional<Subscriber> subscriber = subscribers.find(session.owner().id())
                .filter(SubscriberLogin::mayUsePortal);
        if (subscriber.isEmpty()) {
            sessions.repository().delete(session.id());
            return Optional.empty();
        }
        return Optional.of(new Caller(session, Principal.ofSubscriber(subscriber.get().id(),
                subscriber.get().username(), session.secondFactorAt(), session.id()), null, false));
    }

    /** Safe methods need no token; the others need the session's, compared in constant time. */
    private static boolean csrfMatches(RoutingContext ctx, WebSession session) {
        if (SAFE.contains(ctx.request().method())) {
            return true;
        }
        String presented = ctx.request().getHeader(CSRF_HEADER);
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private static void refuseCsrf(RoutingContext ctx) {
        LOG.info("{} {} from {} refused: missing or wrong {}", ctx.request().method(), ctx.request().path(),
                ctx.request().remoteAddress(), CSRF_HEADER);
        AuthReplies.problem(ctx, 403, "csrf", "The request needs the session's " + CSRF_HEADER + " header");
    }


    private String address(RoutingContext ctx) {
        return clientAddress.apply(ctx.request()).getHostAddress();
    }

    /** The body of a login request: JSON only (a cross-site form cannot send it without a preflight). */
    private static JsonObject jsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            AuthReplies.problem(ctx, 415, "unsupported-media-type", "The body must be application/json");
            return null;
        }
        return AuthReplies.body(ctx);
    }

    private record Answer(LoginOutcome outcome, WebSessions.Issued issued) {
    }
}
