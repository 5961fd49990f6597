package headwater.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.Argon2PasswordHasher;
import headwater.domain.identity.Account;
import headwater.security.totp.Totp;
import headwater.security.totp.TotpKey;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.identity.JdbiAccountRepository;
import headwater.store.identity.TestFieldCipher;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first-run page: only the holder of the logged setup code creates the first administrator, with TOTP proven by
 * the app's first code; values shown back are escaped; the page closes for good after success or too many wrong
 * codes.
 */
class FirstRunSetupTest {

    private static final Pattern KEY = Pattern.compile("Key: <code>([A-Z2-7 ]+)</code>");
    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");

    @EachDatabase
    void the_holder_of_the_setup_code_creates_the_first_admin_with_totp_and_the_page_closes(TestStore store)
            throws Exception {
        JdbiAccountRepository accounts = new JdbiAccountRepository(store.database(), new TestFieldCipher());
        FirstRunSetup setup = setup(accounts);
        String code = setup.code().orElseThrow();
        try (Served served = Served.of(setup)) {
            HttpResponse<String> form = served.get();
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("setupCode").doesNotContain(code);
            assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");

            assertThat(served.post("", Map.of("setupCode", "aaaa-bbbb-cccc-dddd", "username", "root",
                    "password", "a long and unusual passphrase", "password2", "a long and unusual passphrase"))
                    .statusCode()).isEqualTo(403);
            HttpResponse<String> weak = served.post("", Map.of("setupCode", code, "username", "root",
                    "password", "password1234", "password2", "password1234"));
            assertThat(weak.statusCode()).isEqualTo(400);
            assertThat(weak.body()).contains("common and breached");
            HttpResponse<String> markup = served.post("", Map.of("setupCode", code, "username",
                    "<script>alert(1)</script>", "password", "a long and unusual passphrase", "password2",
                    "a long and unusual passphrase"));
            assertThat(markup.statusCode()).isEqualTo(400);
            assertThat(markup.body()).doesNotContain("<script>alert(1)").contains("username must start with a letter");

            HttpResponse<String> enrol = served.post("", Map.of("setupCode", code.toUpperCase(), "username", "root",
                    "password", "a long and unusual passphrase", "password2", "a long and unusual passphrase"));
            assertThat(enrol.statusCode()).isEqualTo(200);
            assertThat(enrol.body()).contains("<svg");
            assertThat(accounts.adminExists()).as("nothing is stored before the app's code").isFalse();
            TotpKey key = TotpKey.ofBase32(group(KEY, enrol.body()));
            String pending = group(PENDING, enrol.body());
            assertThat(served.post("confirm", Map.of("setupCode", code, "pending", pending, "code", "000000"))
                    .statusCode()).isIn(403, 200);
            HttpResponse<String> done = served.post("confirm", Map.of("setupCode", code, "pending", pending,
                    "code", Totp.code(key, Totp.step(Instant.now()))));

            assertThat(done.statusCode()).as(done.body()).isIn(200, 404);
            Account root = accounts.findByUsername("root").orElseThrow();
            assertThat(root.totpEnrolled()).isTrue();
            assertThat(new Argon2PasswordHasher().verify("a long and unusual passphrase".toCharArray(),
                    root.passwordHash())).isTrue();
            assertThat(accounts.recoveryCodesLeft(root.id())).isEqualTo(10);
            assertThat(setup.code()).isEmpty();
            assertThat(served.get().statusCode()).isEqualTo(404);
            assertThat(served.post("", Map.of("setupCode", code, "username", "second", "password",
                    "another long passphrase", "password2", "another long passphrase")).statusCode()).isEqualTo(404);
            assertThat(accounts.list()).hasSize(1);
        }
    }

    @EachDatabase
    void guessing_the_setup_code_closes_the_page(TestStore store) throws Exception {
        JdbiAccountRepository accounts = new JdbiAccountRepository(store.database(), new TestFieldCipher());
        FirstRunSetup setup = setup(accounts);
        try (Served served = Served.of(setup)) {
            int status = 0;
            for (int i = 0; i < FirstRunSetup.MAX_WRONG_CODES; i++) {
                status = served.post("", Map.of("setupCode", "guess-" + i, "username", "root", "password",
                        "a long and unusual passphrase", "password2", "a long and unusual passphrase")).statusCode();
            }
            assertThat(status).isEqualTo(404);
            assertThat(setup.code()).isEmpty();
            assertThat(served.get().statusCode()).isEqualTo(404);
        }
    }

    @EachDatabase
    void a_server_with_an_admin_prints_no_code_and_shows_no_form(TestStore store) throws Exception {
        JdbiAccountRepository accounts = new JdbiAccountRepository(store.database(), new TestFieldCipher());
        new AccountSetup(accounts, new Argon2PasswordHasher(), Clock.systemUTC())
                .createAdmin("root", "a long and unusual passphrase", true);

        FirstRunSetup setup = setup(accounts);

        assertThat(setup.code()).isEmpty();
        try (Served served = Served.of(setup)) {
            assertThat(served.get().statusCode()).isEqualTo(404);
        }
    }

    private static FirstRunSetup setup(JdbiAccountRepository accounts) {
        Clock clock = Clock.systemUTC();
        return new FirstRunSetup(new AccountSetup(accounts, new Argon2PasswordHasher(), clock),
                new TotpEnrolments(accounts, "Headwater", clock), "Headwater", clock);
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    /** The page on a real Vert.x server, and a client for it. */
    private record Served(Vertx vertx, int port, HttpClient client) implements AutoCloseable {

        static Served of(FirstRunSetup setup) throws Exception {
            Vertx vertx = Vertx.vertx();
            int port = vertx.createHttpServer().requestHandler(setup.router(vertx)).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
            return new Served(vertx, port, HttpClient.newHttpClient());
        }

        HttpResponse<String> get() throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + FirstRunSetup.PATH))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = new LinkedHashMap<>(form).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + FirstRunSetup.PATH
                            + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws Exception {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
