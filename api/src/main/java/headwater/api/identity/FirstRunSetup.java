package headwater.api.identity;

import headwater.api.Blocking;
import headwater.domain.catalog.CatalogException;
import headwater.domain.subscriber.PasswordHash;
import headwater.security.secret.BearerSecret;
import headwater.security.totp.OtpauthUri;
import headwater.security.totp.QrSvg;
import headwater.security.totp.RecoveryCodes;
import headwater.security.totp.Totp;
import headwater.security.totp.TotpKey;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-run page at {@value #PATH}: while no administrator exists, it creates the first one, with TOTP, for
 * whoever knows the one-time setup code this server printed in its log at start, so that a stranger who reaches the
 * port first cannot take the server. Step one takes the code, a username and a password (the operators' policy) and
 * shows a new TOTP key as a QR code; step two takes the app's first code and only then stores the administrator,
 * enrolled, atomically with the check that none exists, and shows the recovery codes once. After that, or after
 * {@value #MAX_WRONG_CODES} wrong setup codes, the page answers 404 until a restart.
 */
public final class FirstRunSetup {

    public static final String PATH = "/setup/";
    static final int MAX_WRONG_CODES = 10;
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(FirstRunSetup.class);

    private final AccountSetup setup;
    private final TotpEnrolments enrolments;
    private final String issuer;
    private final Clock clock;
    private final AtomicInteger wrongCodes = new AtomicInteger();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile String code;

    /** Makes a setup code when no administrator exists (blocking: reads the store). */
    public FirstRunSetup(AccountSetup setup, TotpEnrolments enrolments, String issuer, Clock clock) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.enrolments = Objects.requireNonNull(enrolments, "enrolments");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.code = setup.adminExists() ? null : RecoveryCodes.randomCode();
    }

    /** The one-time setup code to print in the log, or empty when the page is closed. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", SetupPage.CONTENT_SECURITY_POLICY)
                    .putHeader("X-Frame-Options", "DENY").putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader("Referrer-Policy", "no-referrer").putHeader("X-Content-Type-Options", "nosniff");
            if (code == null) {
                html(ctx, 404, SetupPage.closed());
                return;
            }
            // An administrator made meanwhile (headwater admin create) closes the page too.
            ctx.request().pause();
            Blocking.run(ctx, setup::adminExists, exists -> {
                if (exists) {
                    close("an administrator exists");
                    html(ctx, 404, SetupPage.closed());
                    return;
                }
                ctx.next();
            });
        });
        router.get(PATH).handler(ctx -> html(ctx, 200, SetupPage.account(null)));
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(8 * 1024)).handler(this::account);
        router.post(PATH + "confirm").handler(BodyHandler.create(false).setBodyLimit(8 * 1024))
                .handler(this::confirm);
        return router;
    }

    private void account(RoutingContext ctx) {
        if (!codeMatches(ctx)) {
            return;
        }
        String username = form(ctx, "username");
        String password = form(ctx, "password");
        if (!password.equals(form(ctx, "password2"))) {
            html(ctx, 400, SetupPage.account("The two passwords differ."));
            return;
        }
        Blocking.run(ctx, () -> {
            try {
                return new Hashed(setup.hashFor(username, password), null);
            } catch (IllegalArgumentException | CatalogException e) {
                return new Hashed(null, e.getMessage());
            }
        }, hashed -> {
            if (hashed.hash() == null) {
                html(ctx, 400, SetupPage.account(hashed.refusal()));
                return;
            }
            TotpKey key = TotpKey.generate();
            String token = BearerSecret.generate("setup_").reveal();
            Instant now = clock.instant();
            pending.values().removeIf(p -> p.expires().isBefore(now));
            pending.put(token, new Pending(username, hashed.hash(), key, now.plus(PENDING_LIFETIME)));
            String uri = OtpauthUri.of(issuer, username, key);
            html(ctx, 200, SetupPage.enrol(null, code, token, QrSvg.of(uri), key.grouped(), username));
        });
    }

    private void confirm(RoutingContext ctx) {
        if (!codeMatches(ctx)) {
            return;
        }
        Pending started = pending.get(form(ctx, "pending"));
        if (started == null || started.expires().isBefore(clock.instant())) {
            html(ctx, 400, SetupPage.account("That step expired: start again."));
            return;
        }
        OptionalLong step = Totp.verify(started.key(), form(ctx, "code"), clock.instant(), Long.MIN_VALUE);
        if (step.isEmpty()) {
            String uri = OtpauthUri.of(issuer, started.username(), started.key());
            html(ctx, 403, SetupPage.enrol("That code is not the app's current one: try the next.", code,
                    form(ctx, "pending"), QrSvg.of(uri), started.key().grouped(), started.username()));
            return;
        }
        Blocking.run(ctx, () -> setup.createFirstAdmin(started.username(), started.hash(), started.key(),
                step.getAsLong()).map(enrolments::newRecoveryCodes), codes -> {
            if (codes.isEmpty()) {
                close("an administrator exists already");
                html(ctx, 404, SetupPage.closed());
                return;
            }
            close("the first administrator " + started.username() + " was created from " + ctx.request()
                    .remoteAddress());
            html(ctx, 200, SetupPage.done(started.username(), codes.get()));
        });
    }

    /** Whether the form's setup code is this server's, compared in constant time; answers 403 (or closes) if not. */
    private boolean codeMatches(RoutingContext ctx) {
        String current = code;
        String given = form(ctx, "setupCode").strip().toLowerCase(Locale.ROOT);
        if (current != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                current.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        int wrong = wrongCodes.incrementAndGet();
        LOG.warn("first-run setup: wrong setup code from {} ({} of {})", ctx.request().remoteAddress(), wrong,
                MAX_WRONG_CODES);
        if (wrong >= MAX_WRONG_CODES) {
            close("too many wrong setup codes; restart the server for a new one, or use ./headwater admin create");
            html(ctx, 404, SetupPage.closed());
        } else {
            html(ctx, 403, SetupPage.account("That is not the setup code printed in the server's log."));
        }
        return false;
    }

    private void close(String why) {
        code = null;
        pending.clear();
        LOG.warn("first-run setup closed: {}", why);
    }

    private static String form(RoutingContext ctx, String name) {
        String value = ctx.request().getFormAttribute(name);
        return value == null ? "" : value;
    }

    private static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .end(body);
    }

    private record Hashed(PasswordHash hash, String refusal) {
    }

    private record Pending(String username, PasswordHash hash, TotpKey key, Instant expires) {
    }
}
