package headwater.api;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.api.auth.WebAuthentication;
import headwater.api.xtream.PlaylistTokens;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.identity.Role;
import headwater.domain.session.KeyRotation;
import headwater.domain.session.SigningKeys;
import headwater.store.TestCipher;
import headwater.store.TestStore;
import headwater.store.session.JdbiSigningKeyRepository;
import headwater.store.apitoken.JdbiApiTokenRepository;
import headwater.store.audit.JdbiAuditLog;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import headwater.store.subscriber.JdbiContactRepository;
import headwater.store.subscriber.JdbiDeviceRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiResellerRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.xtream.JdbiPlaylistTokenRepository;
import headwater.store.identity.JdbiSubscriberTotpRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The admin API on a real Vert.x HTTP server on an ephemeral loopback port, over a real store (the test's SQLite or
 * PostgreSQL), with an ADMIN token made directly in the store (first start makes none); and a java.net.http client for
 * it.
 */
final class ApiServer implements AutoCloseable {

    final TestStore store;
    final ApiTokens tokens;
    /** An ADMIN token with the admin scope. */
    final String key;
    private final Vertx vertx;
    private final int port;
    private final HttpClient client;

    private ApiServer(TestStore store, ApiTokens tokens, String key, Vertx vertx, int port) {
        this.store = store;
        this.tokens = tokens;
        this.key = key;
        this.vertx = vertx;
        this.port = port;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A stand-in chain hash for the API's tests (the real one is security's, tested with the CLI). */
    static final headwater.domain.audit.ChainHasher AUDIT_HASHER = (previous, seq, event) ->
            java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf((previous + seq + event.action())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), 32));

    static ApiServer start(TestStore store) {
        return start(store, SessionControl.NONE);
    }

    static ApiServer start(TestStore store, SessionControl sessions) {
        return start(store, sessions, WebAuthentication.NONE, Clock.systemUTC());
    }

    /**
     * With web sessions; {@code clock} for token expiry and step-up. Mutations are recorded in the store's audit log
     * ({@link #auditLog}), as in the server.
     */
    static ApiServer start(TestStore store, SessionControl sessions, WebAuthentication web, Clock clock) {
        ApiTokens tokens = new ApiTokens(new JdbiApiTokenRepository(store.database()), clock);
        String key = adminToken(tokens, "admin");
        AdminApi api = new AdminApi(repositories(store), media(store), tokens, tokenKeys(store), sessions,
                new PlaylistTokens(new JdbiPlaylistTokenRepository(store.database()), TestStore.CLOCK), clock, web)
                .withContacts(new JdbiContactRepository(store.database(), TestCipher.INSTANCE, TestStore.CLOCK))
                .withSubscriberTotps(new JdbiSubscriberTotpRepository(store.database(), TestCipher.INSTANCE))
                .withAudit(auditLog(store));
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(api.router(vertx));
        int port = await(server.listen()).actualPort();
        return new ApiServer(store, tokens, key, vertx, port);
    }

    /** The store's audit log, chained by {@link #AUDIT_HASHER}. */
    static JdbiAuditLog auditLog(TestStore store) {
        return new JdbiAuditLog(store.database(), AUDIT_HASHER);
    }

    /** Makes an ADMIN token with the admin scope in the store, as tests need one (first start makes none). */
    static String adminToken(ApiTokens tokens, String name) {
        return tokens.issue(name, Role.ADMIN, Set.of(ApiScope.ADMIN), null, "test", null).secret();
    }

    /** Makes a token of {@code role} with {@code scopes}; {@code resellerId} for RESELLER tokens. */
    String token(String name, Role role, String resellerId, ApiScope... scopes) {
        return tokens.issue(name, role, Set.of(scopes), resellerId, "test", null).secret();
    }

    /** The store's repositories, with security's Argon2id (recommended parameters) as the password hasher. */
    static Repositories repositories(TestStore store) {
        return new Repositories(store.channels(), store.categories(), store.packages(),
                new JdbiPlanRepository(store.database()), new JdbiSubscriberRepository(store.database(), TestStore.CLOCK),
                new JdbiResellerRepository(store.database(), TestStore.CLOCK), new JdbiDeviceRepository(store.database()),
                new Argon2PasswordHasher());
    }

    /** The token signing keys in the store, with a first key made; rotations propagate for 30 s. */
    static SigningKeys tokenKeys(TestStore store) {
        SigningKeys keys = new SigningKeys(new JdbiSigningKeyRepository(store.database(), TestCipher.INSTANCE),
                new KeyRotation(Duration.ofHours(24), KeyRotation.DEFAULT_PROPAGATION), Clock.systemUTC());
        keys.ensureKey();
        return keys;
    }

    static MediaRepositories media(TestStore store) {
        return new MediaRepositories(new JdbiMovieRepository(store.database(), TestStore.CLOCK),
                new JdbiSeriesRepository(store.database(), TestStore.CLOCK),
                new JdbiGuideSourceRepository(store.database(), TestStore.CLOCK));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request with the admin key. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request with {@code token} in place of the admin token. */
    HttpRequest.Builder as(String token, String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    /** A JSON request with {@code token}. */
    Reply as(String token, String method, String path, String json) {
        HttpRequest.Builder builder = as(token, path);
        return send(json == null ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                : builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers, body, and the body as JSON. */
    record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        /** The problem's type slug, e.g. "validation-failed". */
        String problem() {
            return json().path("type").asText().replace("urn:headwater:problem:", "");
        }

        @Override
        public String toString() {
            return status() + " " + response.headers().map() + " " + body();
        }
    }
}
