package headwater.app.billing;

import headwater.delivery.Mount;
import headwater.payments.GatewayEvent;
import headwater.payments.StripeWebhooks;
import headwater.payments.WebhookRefusedException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/stripe}: Stripe's events, verified on the raw body before anything else is read. A refused
 * event gets a bare 400 (the reason goes to the log, never to the sender); an accepted one is acted on by
 * {@link BillingDesk#onStripeEvent} on a worker thread and answered 200, also when it was a duplicate, so that Stripe
 * stops retrying. When acting fails (Stripe unreachable, the store down) the answer is 500 and Stripe retries later.
 */
public final class StripeWebhookRoute {

    public static final String PREFIX = "/webhooks/";
    public static final String PATH = "/webhooks/stripe";
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookRoute.class);

    private StripeWebhookRoute() {
    }

    public static Mount mount(StripeWebhooks webhooks, BillingDesk desk) {
        Function<Vertx, Handler<HttpServerRequest>> factory = vertx -> {
            Router router = Router.router(vertx);
            router.route(PATH).method(HttpMethod.POST)
                    .handler(BodyHandler.create(false).setBodyLimit(StripeWebhooks.MAX_BODY))
                    .handler(ctx -> receive(ctx, webhooks, desk));
            router.route().handler(ctx -> ctx.response().setStatusCode(404).end());
            return router;
        };
        return new Mount(PREFIX, factory);
    }

    private static void receive(RoutingContext ctx, StripeWebhooks webhooks, BillingDesk desk) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        String signature = ctx.request().getHeader("Stripe-Signature");
        GatewayEvent event;
        try {
            event = webhooks.verify(body, signature);
        } catch (WebhookRefusedException e) {
            LOG.warn("Stripe webhook from {} refused: {}", ctx.request().remoteAddress(), e.getMessage());
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain").end("refused\n");
            return;
        }
        ctx.vertx().<String>executeBlocking(() -> desk.onStripeEvent(event), false).onComplete(result -> {
            if (result.succeeded()) {
                ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end("{\"received\":true,\"outcome\":\"" + result.result() + "\"}");
            } else {
                LOG.error("Stripe event {} {} could not be processed; Stripe will retry", event.id(), event.type(),
                        result.cause());
                ctx.response().setStatusCode(500).putHeader("Content-Type", "text/plain").end("retry later\n");
            }
        });
    }
}
