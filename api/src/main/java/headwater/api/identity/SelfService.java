package headwater.api.identity;

import headwater.api.Blocking;
import headwater.api.auth.Principal;
import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.SessionOwner;
import headwater.domain.identity.WebSession;
import headwater.security.password.PasswordPolicy;
import headwater.security.totp.RecoveryCodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The logged-in caller's own security: who am I, password change (ends every session of the account), TOTP enrolment,
 * confirmation and removal, step-up, and its sessions (list, end one, end all others). Every change is audited.
 */
final class SelfService {

    static final String ME = "/api/v1/auth/me";
    static final String PASSWORD = "/api/v1/auth/password";
    static final String ENROL = "/api/v1/auth/totp/enrol";
    static final String CONFIRM = "/api/v1/auth/totp/confirm";
    static final String DISABLE = "/api/v1/auth/totp/disable";
    static final String STEP_UP = "/api/v1/auth/step-up";
    static final String SESSIONS = "/api/v1/auth/sessions";

    private final AccountRepository accounts;
    private final WebSessions sessions;
    private final PasswordCheck passwords;
    private final LoginGate gate;
    private final SecurityAudit audit;
    private final TotpEnrolments enrolments;
    private final Function<RoutingContext, String> address;
    private final Clock clock;
    private final CredentialGuard guard;

    SelfService(AccountRepository accounts, WebSessions sessions, PasswordCheck passwords, LoginGate gate,
                SecurityAudit audit, TotpEnrolments enrolments, Function<RoutingContext, String> address,
                Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.gate = gate;
        this.audit = audit;
        this.enrolments = enrolments;
        this.address = address;
        this.clock = clock;
        this.guard = new CredentialGuard(gate);
    }

    void mount(Router router) {
        router.get(ME).handler(this::me);
        router.post(PASSWORD).handler(ctx -> withAccount(ctx, this::changePassword));
        router.post(ENROL).handler(ctx -> withAccount(ctx, this::enrol));
        router.post(CONFIRM).handler(ctx -> withAccount(ctx, this::confirm));
        router.post(DISABLE).handler(ctx -> withAccount(ctx, this::disable));
        router.post(STEP_UP).handler(ctx -> withAccount(ctx, this::stepUp));
        router.get(SESSIONS).handler(ctx -> withCaller(ctx, this::listSessions));
        router.delete(SESSIONS).handler(ctx -> withCaller(ctx, this::endOthers));
        router.delete(SESSIONS + "/:id").handler(ctx -> withCaller(ctx, this::endOne));
    }

    private void me(RoutingContext ctx) {
        Principal principal = ctx.get(Principal.KEY);
        if (principal == null) {
            AuthReplies.problem(ctx, 401, "unauthorized", "Log in first");
            return;
        }
        JsonObject body = new JsonObject().put("kind", principal.kind().name()).put("id", principal.id())
                .put("username", principal.name()).put("role", principal.role().name())
                .put("resellerId", principal.resellerId()).put("subscriberId", principal.subscriberId())
                .put("secondFactorAt", principal.secondFactorAt() == null ? null : principal.secondFactorAt().toString());
        Caller caller = ctx.get(Caller.KEY);
        if (caller != null) {
            body.put("csrfToken", caller.session().csrfToken()).put("enrolmentRequired", caller.limited())
                    .put("totpEnrolled", caller.account() != null && caller.account().totpEnrolled());
        }
        AuthReplies.json(ctx, 200, body);
    }

    private void changePassword(RoutingContext ctx, Caller caller, Account account) {
        JsonObject body = AuthReplies.body(ctx);
        if (body == null) {
            return;
        }
        String current = AuthReplies.text(body, "currentPassword");
        String next = AuthReplies.text(body, "newPassword");
        if (current == null || next == null || current.length() > Credentials.MAX_PASSWORD) {
            AuthReplies.badRequest(ctx, "currentPassword and newPassword are required");
            return;
        }
        Optional<String> refusal = PasswordPolicy.operators().refusal(next, account.username());
        if (refusal.isPresent()) {
            AuthReplies.badRequest(ctx, "newPassword: " + refusal.get());
            return;
        }
        String from = address.apply(ctx);
        guarded(ctx, account, from, "password.change", () -> {
            if (!passwords.matches(PasswordPolicy.normalise(current), account.passwordHash())) {
                return false;
            }
            accounts.changePassword(account.id(), passwords.hash(PasswordPolicy.normalise(next)), clock.instant());
            sessions.repository().deleteAllOf(SessionOwner.account(account.id()), null);
            return true;
        }, () -> {
            ctx.response().addCookie(SessionCookie.cleared());
            AuthReplies.noContent(ctx);
        });
    }

    private void enrol(RoutingContext ctx, Caller caller, Account account) {
        if (account.totpEnrolled()) {
            AuthReplies.problem(ctx, 409, "totp-enrolled", "TOTP is enrolled already: disable it first");
            return;
        }
        String from = address.apply(ctx);
        Blocking.run(ctx, () -> {
            TotpEnrolments.Started started = enrolments.start(account);
            audit.account(account, from, "totp.enrol", "ok:pending");
            return started;
        }, started -> AuthReplies.json(ctx, 200, new JsonObject().put("otpauthUri", started.otpauthUri())
                .put("manualKey", started.manualKey()).put("qrSvg", started.qrSvg())));
    }

    private void confirm(RoutingContext ctx, Caller caller, Account account) {
        String code = code(ctx);
        if (code == null) {
            return;
        }
        String from = address.apply(ctx);
        if (throttled(ctx, account, from, "totp.confirm")) {
            return;
        }
        Blocking.run(ctx, () -> {
            Optional<List<String>> codes = enrolments.confirm(account.id(), code);
            if (codes.isEmpty()) {
                gate.refuse("totp.confirm", account.username(), from, "wrong code or no pending enrolment");
                return codes;
            }
            sessions.repository().proveSecondFactor(caller.session().id(), clock.instant());
            audit.account(account, from, "totp.confirm", "ok");
            return codes;
        }, codes -> {
            if (codes.isEmpty()) {
                refuseCode(ctx);
                return;
            }
            AuthReplies.json(ctx, 200, new JsonObject().put("recoveryCodes", new JsonArray(codes.get())));
        });
    }

    private void disable(RoutingContext ctx, Caller caller, Account account) {
        JsonObject body = AuthReplies.body(ctx);
        if (body == null) {
            return;
        }
        String password = AuthReplies.text(body, "password");
        String code = AuthReplies.text(body, "code");
        if (!Credentials.plausible(account.username(), password, code) || code == null) {
            AuthReplies.badRequest(ctx, "password and code are required");
            return;
        }
        String from = address.apply(ctx);
        guarded(ctx, account, from, "totp.disable", () -> {
            boolean passwordMatches = passwords.matches(PasswordPolicy.normalise(password), account.passwordHash());
            if (!passwordMatches || !secondFactor(account, code)) {
                return false;
            }
            enrolments.remove(account.id());
            return true;
        }, () -> AuthReplies.noContent(ctx));
    }

    private void stepUp(RoutingContext ctx, Caller caller, Account account) {
        String code = code(ctx);
        if (code == null) {
            return;
        }
        String from = address.apply(ctx);
        Instant now = clock.instant();
        guarded(ctx, account, from, "step-up", () -> {
            if (!secondFactor(account, code)) {
                return false;
            }
            sessions.repository().proveSecondFactor(caller.session().id(), now);
            return true;
        }, () -> AuthReplies.json(ctx, 200, new JsonObject().put("secondFactorAt", now.toString())));
    }

    private void listSessions(RoutingContext ctx, Caller caller) {
        Blocking.run(ctx, () -> sessions.repository().listOf(caller.session().owner(), clock.instant()),
                list -> {
                    JsonArray items = new JsonArray();
                    for (WebSession session : list) {
                        items.add(new JsonObject().put("id", session.id())
                                .put("current", session.id().equals(caller.session().id()))
                                .put("created", session.created().toString())
                                .put("lastSeen", session.lastSeen().toString())
                                .put("expires", session.expires().toString())
                                .put("address", session.address()).put("userAgent", session.userAgent()));
                    }
                    AuthReplies.json(ctx, 200, new JsonObject().put("items", items));
                });
    }

    private void endOthers(RoutingContext ctx, Caller caller) {
        String from = address.apply(ctx);
        Blocking.run(ctx, () -> {
            int ended = sessions.repository().deleteAllOf(caller.session().owner(), caller.session().id());
            audit.self(caller, from, "session.end-others", "ok:" + ended);
            return ended;
        }, ended -> AuthReplies.json(ctx, 200, new JsonObject().put("ended", ended)));
    }

    private void endOne(RoutingContext ctx, Caller caller) {
        String id = ctx.pathParam("id");
        String from = address.apply(ctx);
        Blocking.run(ctx, () -> {
            boolean own = sessions.repository().listOf(caller.session().owner(), clock.instant()).stream()
                    .anyMatch(s -> s.id().equals(id));
            if (own) {
                sessions.repository().delete(id);
                audit.self(caller, from, "session.end", "ok");
            }
            return own;
        }, own -> {
            if (own) {
                AuthReplies.noContent(ctx);
            } else {
                AuthReplies.problem(ctx, 404, "not-found", "No such resource");
            }
        });
    }

    /** A TOTP code of the account, or one of its recovery codes; either is used up. */
    private boolean secondFactor(Account account, String code) {
        if (RecoveryCodes.hasShape(code)) {
            return accounts.useRecoveryCode(account.id(), RecoveryCodes.digest(code).hex());
        }
        return AccountLogin.verifyTotp(accounts, account, code, clock.instant());
    }

    private void guarded(RoutingContext ctx, Account account, String from, String action,
                         java.util.concurrent.Callable<Boolean> work, Runnable onSuccess) {
        guard.run(ctx, account.username(), from, action, work, () -> audit.account(account, from, action, "ok"),
                onSuccess);
    }

    private boolean throttled(RoutingContext ctx, Account account, String from, String action) {
        return guard.throttled(ctx, account.username(), from, action);
    }

    private static void refuseCode(RoutingContext ctx) {
        CredentialGuard.refuse(ctx);
    }

    private static String code(RoutingContext ctx) {
        JsonObject body = AuthReplies.body(ctx);
        if (body == null) {
            return null;
        }
        String code = AuthReplies.text(body, "code");
        if (code == null || code.isBlank() || code.length() > Credentials.MAX_CODE) {
            AuthReplies.badRequest(ctx, "code is required");
            return null;
        }
        return code;
    }


    private static void withCaller(RoutingContext ctx, java.util.function.BiConsumer<RoutingContext, Caller> handler) {
        Caller caller = ctx.get(Caller.KEY);
        if (caller == null) {
            AuthReplies.problem(ctx, 403, "web-session-required", "This needs a logged-in web session");
            return;
        }
        handler.accept(ctx, caller);
    }

    private static void withAccount(RoutingContext ctx, AccountHandler handler) {
        withCaller(ctx, (c, caller) -> {
            if (caller.account() == null) {
                AuthReplies.problem(ctx, 403, "web-session-required", "This needs an operator's or reseller's session");
                return;
            }
            handler.handle(ctx, caller, caller.account());
        });
    }

    @FunctionalInterface
    private interface AccountHandler {
        void handle(RoutingContext ctx, Caller caller, Account account);
    }
}
