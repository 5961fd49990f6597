package headwater.api.identity;

import headwater.api.Blocking;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Runs a logged-in caller's check-and-change that proves a credential again (password, TOTP code): throttled like a
 * login, refused with one 403 whose reason goes to the log and the audit trail, audited when it succeeds.
 */
final class CredentialGuard {

    private final LoginGate gate;

    CredentialGuard(LoginGate gate) {
        this.gate = gate;
    }

    /**
     * @param work     the check and the change, blocking; false when a credential was wrong
     * @param audited  records the success (blocking)
     * @param answered answers the success
     */
    void run(RoutingContext ctx, String username, String from, String action, Callable<Boolean> work,
             Runnable audited, Runnable answered) {
        if (throttled(ctx, username, from, action)) {
            return;
        }
        Blocking.run(ctx, () -> {
            boolean done = work.call();
            if (done) {
                gate.succeeded(username, from);
                audited.run();
            } else {
                gate.refuse(action, username, from, "wrong password or code");
            }
            return done;
        }, done -> {
            if (done) {
                answered.run();
            } else {
                refuse(ctx);
            }
        });
    }

    /** Answers 429 with {@code Retry-After} and returns true when {@code username} from {@code from} must wait. */
    boolean throttled(RoutingContext ctx, String username, String from, String action) {
        Optional<LoginOutcome> throttled = gate.throttled(action, username, from);
        if (throttled.isPresent() && throttled.get() instanceof LoginOutcome.Throttled wait) {
            ctx.response().putHeader("Retry-After", Long.toString(wait.retryAfter().toSeconds()));
            AuthReplies.problem(ctx, 429, "too-many-attempts", "Too many failed attempts: retry later");
            return true;
        }
        return false;
    }

    /** The one answer to a wrong password or code. */
    static void refuse(RoutingContext ctx) {
        AuthReplies.problem(ctx, 403, "credentials-refused", "The password or code is wrong");
    }
}
