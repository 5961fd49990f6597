package headwater.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import headwater.api.AdminKeys;
import headwater.app.config.HeadwaterConfig;
import headwater.store.Database;
import headwater.store.apikey.JdbiApiKeyRepository;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code headwater session list|open|end}: playback sessions of the running server.
 *
 * <p>Sessions live in the server's memory, or in Redis shared by several nodes, not in the database; so these
 * commands ask the running server's admin API (the address of {@code server.host}/{@code server.port}, or
 * {@code --server}). They authenticate with an admin key made for the one command in the store (as
 * {@code admin-key add} would) and revoked when it is done: whoever may run the store commands may do this, and no
 * key has to be copied around. With Redis, any node answers for all of them.
 */
@Command(
        name = "session",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"List, open and end playback sessions of the running server (through its admin API).", ""},
        commandListHeading = "%nCommands:%n")
final class SessionCommand extends CommandGroup {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY_PREFIX = "cli-session-";

    private final Map<String, String> env;

    SessionCommand(Map<String, String> env) {
        this.env = env;
    }

    /** Which server to ask. */
    static final class ServerOption {
        @Option(names = "--server", paramLabel = "URL",
                description = "The server's base URL (default: from server.host and server.port, http://127.0.0.1:8080/).")
        URI server;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "List the running sessions (every node's, with Redis), oldest first.")
    int list(@Mixin StoreOptions options, @Mixin ServerOption server,
             @Option(names = "--subscriber", paramLabel = "ID", description = "Only this subscriber's (by id).") String subscriber)
            throws Exception {
        String query = subscriber == null ? "" : "&subscriber=" + URLEncoder.encode(subscriber, StandardCharsets.UTF_8);
        JsonNode page = call(options, server, "GET", "sessions?size=1000" + query, null, 200);
        if (options.json()) {
            Listing.json(options.out(), page.get("items"));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode s : page.get("items")) {
            rows.add(List.of(s.get("id").asText(), s.get("subscriberId").asText(), s.get("channelId").asText(),
                    s.get("rendition").asText(), s.get("format").asText(), s.get("deviceKey").asText(),
                    text(s, "clientAddress"), text(s, "userAgent"), s.get("started").asText(),
                    s.path("bytes").asText("0"), s.path("bitsPerSecond").asText("0"), s.path("state").asText(""),
                    s.get("node").asText()));
        }
        Listing.table(options.out(), List.of("ID", "SUBSCRIBER", "CHANNEL", "RENDITION", "FORMAT", "DEVICE", "IP",
                "USER AGENT", "STARTED", "BYTES", "BIT/S", "STATE", "NODE"), rows);
        return 0;
    }

    @Command(name = "open", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Open a session for a subscriber and a channel, and print its media URLs.")
    int open(@Mixin StoreOptions options, @Mixin ServerOption server,
             @Option(names = "--subscriber", required = true, paramLabel = "USERNAME", description = "The subscriber's username.") String username,
             @Option(names = "--channel", required = true, paramLabel = "ID") String channel,
             @Option(names = "--format", defaultValue = "hls", paramLabel = "hls|ts", description = "hls (default) or ts.") String format,
             @Option(names = "--device", paramLabel = "KEY", description = "The device's slot key (default: one per address and user agent).") String device,
             @Option(names = "--client-address", paramLabel = "IP", description = "The player's address (checked against the subscriber's networks).") String address)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("channelId", channel).put("format", format);
        if (device != null) {
            body.put("deviceKey", device);
        }
        if (address != null) {
            body.put("clientAddress", address);
        }
        JsonNode opened = call(options, server, "POST", "sessions", body.toString(), 201);
        if (options.json()) {
            Listing.json(options.out(), opened);
            return 0;
        }
        URI base = base(options, server);
        options.out().printf("session %s (%s, %s as %s, until %s)%n", opened.get("id").asText(),
                opened.get("subscriberId").asText(), opened.get("channelId").asText(), opened.get("rendition").asText(),
                opened.get("expires").asText());
        opened.get("urls").properties().forEach(url -> options.out().printf("  %-13s %s%n", url.getKey(),
                base.resolve(url.getValue().asText().substring(1))));
        options.out().flush();
        return 0;
    }

    @Command(name = "end", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "End a session: its next media request gets 403, a running MPEG-TS stream closes.")
    int end(@Mixin StoreOptions options, @Mixin ServerOption server, @Parameters(paramLabel = "ID") String id) throws Exception {
        call(options, server, "DELETE", "sessions/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null, 204);
        if (!options.json()) {
            options.out().println("ended " + id);
            options.out().flush();
        }
        return 0;
    }

    /** One admin API call under a key made for it and revoked after; a problem answer becomes the failure's message. */
    private JsonNode call(StoreOptions options, ServerOption server, String method, String path, String body, int expected) throws Exception {
        URI uri = base(options, server).resolve("api/v1/" + path);
        try (Database database = options.open(env)) {
            JdbiApiKeyRepository repository = new JdbiApiKeyRepository(database, Clock.systemUTC());
            String name = KEY_PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime();
            String key = new AdminKeys(repository, Clock.systemUTC()).create(name);
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + key);
                request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                        : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != expected) {
                    throw new IllegalStateException(problem(response));
                }
                return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (ConnectException e) {
                throw new IllegalStateException("no Headwater server answers at " + base(options, server) + ": sessions live"
                        + " in the running server (or its Redis); start it, or name it with --server");
            } finally {
                repository.delete(name);
            }
        }
    }

    private static String problem(HttpResponse<String> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            String retry = response.headers().firstValue("Retry-After").map(s -> " (retry after " + s + " s)").orElse("");
            return problem.path("detail").asText("the server answered " + response.statusCode()) + retry;
        } catch (IOException e) {
            return "the server answered " + response.statusCode();
        }
    }

    private URI base(StoreOptions options, ServerOption option) {
        if (option.server != null) {
            String text = option.server.toString();
            return URI.create(text.endsWith("/") ? text : text + "/");
        }
        HeadwaterConfig config = options.load(env);
        String host = config.server().host();
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + config.server().port() + "/");
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "-";
    }
}
