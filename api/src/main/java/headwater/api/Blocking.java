package headwater.api;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs repository calls (blocking JDBC) off the event loop: on Vert.x's worker pool through
 * {@code executeBlocking(work, false)} (unordered, so requests of one connection don't queue behind each other).
 * The result comes back on the request's event loop, where the answer is written; a failure goes to the router's
 * failure handler ({@link Problems}).
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> void run(RoutingContext ctx, Callable<T> work, Consumer<T> answer) {
        ctx.vertx().executeBlocking(work, false).onComplete(result -> {
            if (ctx.response().closed()) {
                return;
            }
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            try {
                answer.accept(result.result());
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        });
    }
}
