package headwater.api.xtream;

import headwater.api.SessionControl;
import headwater.domain.archive.ArchiveStatus;
import headwater.domain.catalog.CategoryRepository;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.guide.GuideStore;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.SeriesRepository;
import headwater.domain.xtream.XtreamIds;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The Xtream router with only the media entry, on a real Vert.x HTTP server on an ephemeral loopback port, over a
 * scripted login, in-memory Xtream numbers and the session control the test gives; and a client that never follows
 * redirects. Repositories the media entry must not touch are stubs that fail the test when called.
 */
final class MediaEntryServer implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    final Logins login;
    final Numbers ids;
    private final Vertx vertx;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private MediaEntryServer(Logins login, Numbers ids, Vertx vertx, int port) {
        this.login = login;
        this.ids = ids;
        this.vertx = vertx;
        this.port = port;
    }

    static MediaEntryServer start(SessionControl sessions, XtreamServer server) {
        Logins login = new Logins();
        Numbers ids = new Numbers();
        Vertx vertx = Vertx.vertx();
        XtreamServices services = new XtreamServices(server, login, sessions, ids, unused(ChannelRepository.class),
                unused(CategoryRepository.class), unused(PackageRepository.class), unused(PlanRepository.class),
                unused(MovieRepository.class), unused(SeriesRepository.class), unused(GuideStore.class),
                unused(ArchiveStatus.class), Clock.fixed(NOW, ZoneId.of("UTC")));
        XtreamApi api = new XtreamApi(List.of(new MediaEntry(services)));
        HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(api.handler(vertx));
        try {
            int port = http.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
            return new MediaEntryServer(login, ids, vertx, port);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the test server did not start", e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Reply get(String path, String... headers) {
        return send("GET", path, headers);
    }

    Reply send(String method, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a GET of {@code target} exactly as given (java.net.URI refuses broken escapes) over a plain socket.
     *
     * @return the status line and headers and body, as received
     */
    String raw(String target) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** An HTTP answer. */
    record Reply(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** A stub that fails on any call: the media entry has no business with it. */
    static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "unused " + type.getSimpleName()
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
            }
            throw new AssertionError("the media entry called " + type.getSimpleName() + "." + method.getName());
        }));
    }

    /**
     * The login: accounts by username and password, tokens, and usernames whose logins are throttled; it records
     * every check (what was asked, from where).
     */
    static final class Logins implements XtreamLogin {
        final Map<String, String> passwords = new ConcurrentHashMap<>();
        final Map<String, XtreamLogin.Result.Authenticated> accounts = new ConcurrentHashMap<>();
        final Map<String, XtreamLogin.Result.Authenticated> tokens = new ConcurrentHashMap<>();
        final List<String> checks = new CopyOnWriteArrayList<>();
        final List<InetAddress> clients = new CopyOnWriteArrayList<>();
        volatile Duration throttled;

        void account(String username, String password, XtreamLogin.Result.Authenticated account) {
            passwords.put(username, password);
            accounts.put(username, account);
        }

        @Override
        public Result password(String username, String password, InetAddress client) {
            checks.add("password " + username);
            clients.add(client);
            if (throttled != null) {
                return new Result.Throttled(throttled);
            }
            return password.equals(passwords.get(username)) ? accounts.get(username) : new Result.Invalid();
        }

        @Override
        public Result token(String token, InetAddress client) {
            checks.add("token " + token);
            clients.add(client);
            if (throttled != null) {
                return new Result.Throttled(throttled);
            }
            Result.Authenticated account = tokens.get(token);
            return account != null ? account : new Result.Invalid();
        }
    }

    /** Xtream numbers in memory: allocated from 1 up, unique across kinds. */
    static final class Numbers implements XtreamIds {
        private final Map<Kind, Map<String, Integer>> byId = new HashMap<>();
        private final Map<Integer, Map.Entry<Kind, String>> byNumber = new HashMap<>();

        @Override
        public synchronized Map<String, Integer> numbers(Kind kind, Collection<String> ids) {
            Map<String, Integer> numbers = new HashMap<>();
            for (String id : ids) {
                numbers.put(id, byId.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(id, i -> {
                    int next = byNumber.size() + 1;
                    byNumber.put(next, Map.entry(kind, id));
                    return next;
                }));
            }
            return numbers;
        }

        @Override
        public synchronized Optional<String> id(Kind kind, int number) {
            Map.Entry<Kind, String> entry = byNumber.get(number);
            return entry != null && entry.getKey() == kind ? Optional.of(entry.getValue()) : Optional.empty();
        }
    }

    static Subscriber subscriber(String id, String username, UnaryOperator<SubscriberDraft> change) {
        SubscriberDraft draft = SubscriberDraft.of(id, username,
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
        return new Subscriber(change.apply(draft), 1, NOW, NOW);
    }
}
