package headwater.api;

import headwater.api.auth.WebAuthentication;
import headwater.api.identity.AccountSetup;
import headwater.api.xtream.PlaylistTokens;
import headwater.domain.audit.AuditLog;
import headwater.domain.audit.AuditTrail;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.SubscriberTotpRepository;
import headwater.domain.identity.WebSessionRepository;
import headwater.domain.session.SigningKeys;
import headwater.domain.subscriber.ContactRepository;
import headwater.domain.subscriber.SubscriberRepository;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The admin REST API under {@value #BASE}, as a vertx-web {@link Router} to mount on an HTTP server (a Router is a
 * {@code Handler<HttpServerRequest>}). Every route but the OpenAPI document and the web sessions' public routes
 * requires a caller: a web session ({@link WebAuthentication}) or an API token ({@link ApiTokens}), as a
 * {@link headwater.api.auth.Principal}; every route then checks the caller's role and scopes ({@link Access},
 * {@link Authorization}) and every object the caller's reach ({@link Caller}). Repository calls run on Vert.x's
 * worker pool ({@link Blocking}), never on the event loop.
 *
 * <p>Order of handlers for each request: security headers; the OpenAPI document (public); the web sessions' public
 * routes; the audit of mutations ({@link AuditRecorder}); the web-session authenticator; the API-token check (401
 * when neither found a caller); the Content-Type check (415); the body, at most {@link #MAX_BODY_BYTES} (413); the
 * web sessions' own routes; the resource, behind its authorization check (403). Any failure becomes an RFC 9457
 * problem in {@link Problems}.
 */
public final class AdminApi {

    /** Requests under this path prefix belong to the API (for a server that hands them over). */
    public static final String PREFIX = "/api/";
    public static final String BASE = "/api/v1";
    /**
     * The largest request body: 8 MiB. A package of the domain's maximum 100,000 channel ids of up to 64 characters
     * fits; anything larger is refused with 413 before it is buffered.
     */
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

    private final ApiTokens tokens;
    private final WebAuthentication web;
    private final AuditTrail audit;
    private final Clock clock;
    private final OpenApiDocument openApi = new OpenApiDocument();
    private final List<Consumer<Routes>> resources;
    private final Authorization authorization;
    private final SubscriberRepository subscribers;
    private final ContactResource contacts;
    private final AuditResource auditLog;
    private final BillingResource billing;
    private final Repositories repositories;
    private final AccountResource accounts;
    private final SubscriberTotpResource subscriberTotps;

    /**
     * The API without playback sessions (opening one answers 503): catalogue, customers, films, series, guide
     * sources and token signing keys.
     */
    public AdminApi(Repositories repositories, MediaRepositories media, ApiTokens tokens, SigningKeys tokenKeys) {
        this(repositories, media, tokens, tokenKeys, SessionControl.NONE);
    }

    /**
     * The whole API: catalogue, customers, films, series, guide sources, token signing keys and playback sessions.
     */
    public AdminApi(Repositories repositories, MediaRepositories media, ApiTokens tokens, SigningKeys tokenKeys,
                    SessionControl sessions) {
        this(repositories, media, tokens, tokenKeys, sessions, null, Clock.systemUTC());
    }

    /** As the full constructor, without web sessions and with no audit trail. */
    public AdminApi(Repositories repositories, MediaRepositories media, ApiTokens tokens, SigningKeys tokenKeys,
                    SessionControl sessions, PlaylistTokens playlistTokens, Clock clock) {
        this(repositories, media, tokens, tokenKeys, sessions, playlistTokens, clock, WebAuthentication.NONE,
                AuditTrail.NONE);
    }

    /** As the full constructor, with web sessions and no audit trail. */
    public AdminApi(Repositories repositories, MediaRepositories media, ApiTokens tokens, SigningKeys tokenKeys,
                    SessionControl sessions, PlaylistTokens playlistTokens, Clock clock, WebAuthentication web) {
        this(repositories, media, tokens, tokenKeys, sessions, playlistTokens, clock, web, AuditTrail.NONE);
    }

    /**
     * The whole API with the subscribers' playlist tokens ({@code /api/v1/subscribers/{id}/playlist-tokens}); without
     * them (playlistTokens null) those routes answer 404.
     *
     * @param tokens         the API tokens that authenticate callers without a web session
     * @param playlistTokens makes and keeps the tokens, or null for none
     * @param clock          the time of revocations and of step-up checks
     * @param web            web sessions (cookies), tried before API tokens
     * @param audit          where every mutation, and every refused one, is recorded
     */
    public AdminApi(Repositories repositories, MediaRepositories media, ApiTokens tokens, SigningKeys tokenKeys,
                    SessionControl sessions, PlaylistTokens playlistTokens, Clock clock, WebAuthentication web,
                    AuditTrail audit) {
        Objects.requireNonNull(repositories, "repositories");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(tokenKeys, "tokenKeys");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.web = Objects.requireNonNull(web, "web");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.authorization = new Authorization(clock);
        this.subscribers = repositories.subscribers();
        this.contacts = new ContactResource(null, subscribers);
        this.auditLog = new AuditResource(null);
        this.billing = new BillingResource(null);
        this.repositories = repositories;
        this.accounts = new AccountResource(null, repositories.resellers());
        this.subscriberTotps = new SubscriberTotpResource(null, subscribers);
        this.resources = List.of(
                new ChannelResource(repositories.channels())::mount,
                new CategoryResource(repositories.categories())::mount,
                new PackageResource(repositories.packages())::mount,
                new PlanResource(repositories.plans())::mount,
                new SubscriberResource(repositories.subscribers(), repositories.devices(), repositories.plans(),
                        repositories.passwordHasher(), authorization)::mount,
                new ResellerResource(repositories.resellers())::mount,
                new DeviceResource(repositories.devices(), repositories.subscribers())::mount,
                new MovieResource(media.movies())::mount,
                new SeriesResource(media.series())::mount,
                new GuideSourceResource(media.guideSources())::mount,
                new TokenKeyResource(tokenKeys)::mount,
                new ApiTokenResource(tokens, clock)::mount,
                new SessionResource(sessions, repositories.subscribers(), media.movies(), media.series())::mount,
                new PlaylistTokenResource(playlistTokens, repositories.subscribers(), repositories.devices(),
                        clock)::mount,
                new PortalResource(repositories.subscribers(), repositories.devices(), repositories.passwordHasher(),
                        sessions, playlistTokens)::mount);
    }

    private AdminApi(AdminApi api, ContactResource contacts, AuditResource auditLog, AuditTrail audit,
                     BillingResource billing) {
        this(api, contacts, auditLog, audit, billing, api.accounts, api.subscriberTotps);
    }

    private AdminApi(AdminApi api, ContactResource contacts, AuditResource auditLog, AuditTrail audit,
                     BillingResource billing, AccountResource accounts, SubscriberTotpResource subscriberTotps) {
        this.tokens = api.tokens;
        this.web = api.web;
        this.audit = audit;
        this.auditLog = auditLog;
        this.clock = api.clock;
        this.resources = api.resources;
        this.authorization = api.authorization;
        this.subscribers = api.subscribers;
        this.contacts = contacts;
        this.billing = billing;
        this.repositories = api.repositories;
        this.accounts = accounts;
        this.subscriberTotps = subscriberTotps;
    }

    /**
     * The same API with the subscribers' contact details ({@code /api/v1/subscribers/{id}/contact}); without them
     * those routes answer 404.
     */
    public AdminApi withContacts(ContactRepository contactRepository) {
        return new AdminApi(this, new ContactResource(Objects.requireNonNull(contactRepository), subscribers), auditLog,
                audit,
                billing);
    }

    /**
     * The same API with the audit log: every mutation is recorded in it (in place of the trail given to the
     * constructor), and {@code GET /api/v1/audit} lists it; without it that route answers 404.
     */
    public AdminApi withAudit(AuditLog log) {
        return new AdminApi(this, contacts, new AuditResource(Objects.requireNonNull(log)), log, billing);
    }

    /** The same API with billing ({@code /api/v1/billing/...}); without it those routes answer 404. */
    public AdminApi withBilling(BillingControl control) {
        return new AdminApi(this, contacts, auditLog, audit, new BillingResource(Objects.requireNonNull(control)));
    }

    /**
     * The same API with the administration of operators' and resellers' accounts ({@code /api/v1/accounts}): admins
     * list, make, re-role, disable and enable them and reset their passwords; without it those routes answer 404.
     *
     * @param sessions the web sessions, ended when their account is disabled, re-roled or given a new password
     */
    public AdminApi withAccounts(AccountRepository accountRepository, WebSessionRepository sessions) {
        AccountResource.Accounts administered = new AccountResource.Accounts(Objects.requireNonNull(accountRepository),
                Objects.requireNonNull(sessions), new AccountSetup(accountRepository, repositories.passwordHasher(),
                clock), clock);
        return new AdminApi(this, contacts, auditLog, audit, billing,
                new AccountResource(administered, repositories.resellers()), subscriberTotps);
    }

    /**
     * The same API with the subscribers' TOTP enrolments ({@code /api/v1/subscribers/{id}/totp}): whether one is on,
     * and its reset for a subscriber who lost the authenticator; without them those routes answer 404.
     */
    public AdminApi withSubscriberTotps(SubscriberTotpRepository totps) {
        return new AdminApi(this, contacts, auditLog, audit, billing, accounts,
                new SubscriberTotpResource(Objects.requireNonNull(totps), subscribers));
    }

    /** A new Router for the API on {@code vertx}, the Vert.x of the server that will call it. */
    public Router router(Vertx vertx) {
        return build(vertx).router;
    }

    /** The router and its table of routes. */
    record Built(Router router, Routes routes) {
    }

    Built build(Vertx vertx) {
        Router router = Router.router(vertx);
        Routes routes = new Routes(router, authorization);
        router.route().handler(ctx -> {
            Replies.secure(ctx.response());
            ctx.next();
        });
        routes.open(HttpMethod.GET, OpenApiDocument.PATH, openApi::serve);
        web.mountPublic(router);
        router.route().handler(new AuditRecorder(audit, clock));
        router.route().handler(web.authenticator());
        router.route().handler(new AdminAuth(tokens));
        router.route().handler(new JsonContentType());
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        web.mountAuthenticated(router);
        resources.forEach(resource -> resource.accept(routes));
        contacts.mount(routes);
        auditLog.mount(routes);
        billing.mount(routes);
        accounts.mount(routes);
        subscriberTotps.mount(routes);
        router.route().failureHandler(Problems::handle);
        router.errorHandler(404, Problems::handle);
        router.errorHandler(405, ctx -> methodNotAllowed(ctx, routes));
        router.errorHandler(500, Problems::handle);
        return new Built(router, routes);
    }

    private static void methodNotAllowed(RoutingContext ctx, Routes routes) {
        ctx.put(Problems.ALLOWED_METHODS, routes.allowed(ctx.normalizedPath()));
        Problems.handle(ctx);
    }
}
