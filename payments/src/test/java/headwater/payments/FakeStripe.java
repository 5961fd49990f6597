package headwater.payments;

import com.google.gson.JsonObject;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that speaks the part of Stripe's API Headwater calls (Checkout Sessions create and retrieve,
 * refunds), with its idempotency-key behaviour and its error shape, and signs webhooks the way Stripe does. Tests
 * point {@link StripeSettings#apiBase()} at it.
 */
public final class FakeStripe implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_fake_4eC39HqLyjWDarjtT1zdp7dc";

    private final HttpServer server;
    private final Map<String, JsonObject> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> idempotent = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    public FakeStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Method and path of every request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The subscriber paid on Stripe's page: the session becomes complete and paid. */
    public void pay(String sessionId) {
        JsonObject s = sessions.get(sessionId);
        s.addProperty("status", "complete");
        s.addProperty("payment_status", "paid");
        s.addProperty("payment_intent", "pi_" + sessionId.substring(3));
    }

    /** An event about a session as Stripe would send it, with its current state embedded. */
    public String event(String eventId, String type, String sessionId, long created) {
        JsonObject event = new JsonObject();
        event.addProperty("id", eventId);
        event.addProperty("object", "event");
        event.addProperty("type", type);
        event.addProperty("created", created);
        event.addProperty("api_version", "2026-07-29.dahlia");
        JsonObject data = new JsonObject();
        data.add("object", sessions.get(sessionId).deepCopy());
        event.add("data", data);
        return event.toString();
    }

    /** The {@code Stripe-Signature} header Stripe would send for this body at {@code timestamp}. */
    public static String sign(String body, String secret, long timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(body, secret, timestamp);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        try (exchange) {
            if (!("Bearer " + SECRET_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, error("invalid_request_error", "api_key_invalid", "Invalid API Key provided"));
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if ("POST".equals(method) && key != null && idempotent.containsKey(key)) {
                reply(exchange, 200, idempotent.get(key));
                return;
            }
            String body;
            if ("POST".equals(method) && path.equals("/v1/checkout/sessions")) {
                body = createSession(form).toString();
            } else if ("GET".equals(method) && path.startsWith("/v1/checkout/sessions/")) {
                JsonObject s = sessions.get(path.substring("/v1/checkout/sessions/".length()));
                if (s == null) {
                    reply(exchange, 404, error("invalid_request_error", "resource_missing", "No such checkout.session"));
                    return;
                }
                body = s.toString();
            } else if ("POST".equals(method) && path.equals("/v1/customers")) {
                JsonObject customer = new JsonObject();
                customer.addProperty("id", "cus_" + ids.incrementAndGet());
                customer.addProperty("object", "customer");
                customer.addProperty("email", form.get("email"));
                body = customer.toString();
            } else if ("POST".equals(method) && path.equals("/v1/refunds")) {
                JsonObject refund = new JsonObject();
                refund.addProperty("id", "re_" + ids.incrementAndGet());
                refund.addProperty("object", "refund");
                refund.addProperty("amount", Long.parseLong(form.get("amount")));
                refund.addProperty("payment_intent", form.get("payment_intent"));
                refund.addProperty("status", "succeeded");
                body = refund.toString();
            } else {
                reply(exchange, 404, error("invalid_request_error", "resource_missing", "Unrecognized request URL"));
                return;
            }
            if (key != null) {
                idempotent.put(key, body);
            }
            reply(exchange, 200, body);
        }
    }

    private JsonObject createSession(Map<String, String> form) {
        String id = "cs_test_" + ids.incrementAndGet();
        JsonObject s = new JsonObject();
        s.addProperty("id", id);
        s.addProperty("object", "checkout.session");
        s.addProperty("mode", form.get("mode"));
        s.addProperty("status", "open");
        s.addProperty("payment_status", "unpaid");
        s.addProperty("url", "https://checkout.stripe.com/c/pay/" + id);
        s.addProperty("client_reference_id", form.get("client_reference_id"));
        s.addProperty("currency", form.get("line_items[0][price_data][currency]"));
        s.addProperty("amount_total", Long.parseLong(form.get("line_items[0][price_data][unit_amount]"))
                * Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1")));
        s.add("payment_intent", null);
        s.addProperty("customer", form.get("customer"));
        JsonObject metadata = new JsonObject();
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.addProperty(k.substring(9, k.length() - 1), v);
            }
        });
        s.add("metadata", metadata);
        sessions.put(id, s);
        return s;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String error(String type, String code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject wrapper = new JsonObject();
        wrapper.add("error", error);
        return wrapper.toString();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_fake");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
