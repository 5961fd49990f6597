package headwater.api;

import headwater.api.identity.AccountSetup;
import headwater.api.identity.AuthSettings;
import headwater.api.identity.TotpEnrolments;
import headwater.api.identity.WebAuthenticator;
import headwater.api.xtream.PlaylistTokens;
import headwater.domain.audit.AuditEvent;
import headwater.domain.identity.Account;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import headwater.security.totp.Totp;
import headwater.security.totp.TotpKey;
import headwater.store.TestStore;
import headwater.store.apitoken.JdbiApiTokenRepository;
import headwater.store.identity.JdbiAccountRepository;
import headwater.store.identity.JdbiSubscriberTotpRepository;
import headwater.store.identity.JdbiWebSessionRepository;
import headwater.store.identity.TestFieldCipher;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.xtream.JdbiPlaylistTokenRepository;
import headwater.testkit.SettableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The admin API with web sessions ({@link WebAuthenticator}) on a real Vert.x server over a real store, with a
 * settable clock (sessions, throttling and TOTP steps all read it), an audit trail that keeps what it is given, and
 * the client address taken from an {@code X-Test-Client} header so that tests can play many addresses.
 */
final class WebLoginServer implements AutoCloseable {

    static final String ADMIN = "root";
    static final String ADMIN_PASSWORD = "a long and unusual passphrase";
    static final String SUBSCRIBER = "viewer";
    static final String SUBSCRIBER_PASSWORD = "viewer's own password";
    static final String CLIENT_HEADER = "X-Test-Client";

    final TestStore store;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T20:00:00Z"));
    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    final JdbiAccountRepository accounts;
    private final Vertx vertx;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    private TotpKey adminKey;
    List<String> recoveryCodes;
    private Account admin;

    private WebLoginServer(TestStore store) {
        this.store = store;
        this.accounts = new JdbiAccountRepository(store.database(), new TestFieldCipher());
        this.vertx = Vertx.vertx();
    }

    /** With an enrolled admin {@value #ADMIN} and a subscriber {@value #SUBSCRIBER}. */
    static WebLoginServer start(TestStore store) {
        WebLoginServer server = new WebLoginServer(store);
        server.listen();
        server.admin = server.setup().createAdmin(ADMIN, ADMIN_PASSWORD, true).orElseThrow();
        server.adminKey = server.enrol(server.admin);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).create(new SubscriberDraft("sub-1",
                SUBSCRIBER, hasher.hash(SUBSCRIBER_PASSWORD.toCharArray()), SubscriberStatus.ACTIVE, null, 1,
                EnumSet.allOf(OutputFormat.class), List.of(), java.util.Set.of(), null, null, Owner.OPERATOR));
        return server;
    }

    private void listen() {
        ApiTokens keys = new ApiTokens(new JdbiApiTokenRepository(store.database()), clock);
        JdbiWebSessionRepository webSessions = new JdbiWebSessionRepository(store.database());
        TestFieldCipher cipher = new TestFieldCipher(); // one key: the portal and the API read the same seeds
        WebAuthenticator web = new WebAuthenticator(accounts, webSessions,
                new JdbiSubscriberRepository(store.database(), TestStore.CLOCK),
                new JdbiSubscriberTotpRepository(store.database(), cipher), new Argon2PasswordHasher(),
                audit::add, request -> address(request.getHeader(CLIENT_HEADER)), AuthSettings.DEFAULTS, clock);
        AdminApi api = new AdminApi(ApiServer.repositories(store), ApiServer.media(store), keys,
                ApiServer.tokenKeys(store), SessionControl.NONE,
                new PlaylistTokens(new JdbiPlaylistTokenRepository(store.database()), TestStore.CLOCK),
                clock, web).withAccounts(accounts, webSessions)
                .withSubscriberTotps(new JdbiSubscriberTotpRepository(store.database(), cipher));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(api.router(vertx));
        port = await(server.listen()).actualPort();
    }

    AccountSetup setup() {
        return new AccountSetup(accounts, new Argon2PasswordHasher(), clock);
    }

    /** Enrols TOTP for {@code account} and returns its key; its recovery codes go to {@link #recoveryCodes}. */
    TotpKey enrol(Account account) {
        TotpEnrolments enrolments = new TotpEnrolments(accounts, "Headwater", clock);
        TotpKey key = TotpKey.ofBase32(enrolments.start(account).manualKey());
        recoveryCodes = enrolments.confirmWithoutCode(account.id());
        return key;
    }

    /** The admin's TOTP code now. */
    String code() {
        return code(adminKey);
    }

    String code(TotpKey key) {
        return Totp.code(key, Totp.step(clock.instant()));
    }

    /** Moves the clock to the next TOTP step. */
    void nextStep() {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    Account admin() {
        return admin;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A browser: keeps the session cookie and CSRF token it was given, plays one client address. */
    Browser browser(String address) {
        return new Browser(this, address);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v == null ? "null" : io.vertx.core.json.Json.encode(v)));
        return out.append('}').toString();
    }

    @Override
    public void close() {
        client.close();
        await(vertx.close());
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text == null ? "127.0.0.1" : text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
