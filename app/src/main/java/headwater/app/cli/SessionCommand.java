package headwater.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import headwater.api.ApiTokens;
import headwater.app.config.HeadwaterConfig;
import headwater.app.wiring.ServerTrust;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.identity.Role;
import headwater.domain.session.PlaybackTarget;
import headwater.store.Database;
import headwater.store.apitoken.JdbiApiTokenRepository;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
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
    /** How long the token a call makes for itself works, should the command die before removing it. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(2);
    static final long MAX_ARCHIVE_MINUTES = PlaybackTarget.Archive.MAX_SECONDS / 60;

    private final Map<String, String> env;

    SessionCommand(Map<String, String> env) {
        this.env = env;
    }

    /** Which server to ask. */
    static final class ServerOption {
        @Option(names = "--server", paramLabel = "URL",
                description = "The server's base URL (default: from server.host, server.port and tls.enabled, "
                        + "https://127.0.0.1:8080/; its certificate is trusted from tls.* or the data directory).")
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
            rows.add(List.of(s.get("id").asText(), s.get("subscriberId").asText(), target(s),
                    s.get("rendition").asText(), text(s, "format"), s.get("deviceKey").asText(),
                    text(s, "clientAddress"), text(s, "userAgent"), s.get("started").asText(),
                    s.path("bytes").asText("0"), s.path("bitsPerSecond").asText("0"), s.path("state").asText(""),
                    s.get("node").asText()));
        }
        Listing.table(options.out(), List.of("ID", "SUBSCRIBER", "TARGET", "RENDITION", "FORMAT", "DEVICE", "IP",
                "USER AGENT", "STARTED", "BYTES", "BIT/S", "STATE", "NODE"), rows);
        return 0;
    }

    /** What the session plays: one of a channel (live, or its archive with --archive-start), a film, an episode. */
    static final class Target {
        @Option(names = "--channel", paramLabel = "ID", description = "A live channel (or, with --archive-start, its"
                + " catch-up).")
        String channel;

        @Option(names = "--movie", paramLabel = "ID", description = "A film of the VOD catalogue.")
        String movie;

        @Option(names = "--episode", paramLabel = "ID", description = "An episode of a series.")
        String episode;
    }

    @Command(name = "open", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
            description = "Open a session for a subscriber and a channel, an archive window, a film or an episode, and"
                    + " print its media URLs.")
    int open(@Mixin StoreOptions options, @Mixin ServerOption server,
             @Option(names = "--subscriber", required = true, paramLabel = "USERNAME", description = "The subscriber's username.") String username,
             @ArgGroup(exclusive = true, multiplicity = "1") Target target,
             @Option(names = "--archive-start", paramLabel = "INSTANT", description = "With --channel: play the"
                     + " channel's archive from this ISO-8601 instant (2026-11-21T20:00:00Z).") String archiveStart,
             @Option(names = "--archive-minutes", paramLabel = "N", description = "With --archive-start: the window's"
                     + " length in minutes, 1 to 1440.") Integer archiveMinutes,
             @Option(names = "--format", paramLabel = "hls|ts", description = "hls (default) or ts; a film or episode is"
                     + " one file served with byte ranges and needs none.") String format,
             @Option(names = "--device", paramLabel = "KEY", description = "The device's slot key (default: one per address and user agent).") String device,
             @Option(names = "--client-address", paramLabel = "IP", description = "The player's address (checked against the subscriber's networks).") String address)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("username", username);
        if (target.channel != null) {
            body.put("channelId", target.channel).put("format", format == null ? "hls" : format);
        } else {
            body.put(target.movie != null ? "movieId" : "episodeId", target.movie != null ? target.movie : target.episode);
            if (format != null) {
                body.put("format", format);
            }
        }
        if (archiveStart != null || archiveMinutes != null) {
            if (target.channel == null || archiveStart == null || archiveMinutes == null) {
                throw new IllegalArgumentException("an archive window needs --channel, --archive-start and"
                        + " --archive-minutes together");
            }
            if (archiveMinutes < 1 || archiveMinutes > MAX_ARCHIVE_MINUTES) {
                throw new IllegalArgumentException("--archive-minutes " + archiveMinutes + ": give 1 to "
                        + MAX_ARCHIVE_MINUTES);
            }
            body.put("archiveStart", archiveStart).put("archiveSeconds", archiveMinutes * 60L);
        }
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
                opened.get("subscriberId").asText(), target(opened), opened.get("rendition").asText(),
                opened.get("expires").asText());
        opened.get("urls").properties().forEach(url -> options.out().printf("  %-13s %s%n", url.getKey(),
                base.resolve(url.getValue().asText().substring(1))));
        options.out().flush();
        return 0;
    }

    /** What a session plays, as the list and {@code open} show it. */
    static String target(JsonNode session) {
        if (session.hasNonNull("movieId")) {
            return "movie " + session.get("movieId").asText();
        }
        if (session.hasNonNull("episodeId")) {
            return "episode " + session.get("episodeId").asText();
        }
        String channel = session.path("channelId").asText("-");
        return session.hasNonNull("archiveStart") ? channel + " archive " + session.get("archiveStart").asText() + " +"
                + session.path("archiveSeconds").asLong() + "s" : channel;
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

    /**
     * One admin API call under a token made for it (the session scopes only, expiring in {@link #TOKEN_LIFETIME}) and
     * removed after; a problem answer becomes the failure's message.
     */
    private JsonNode call(StoreOptions options, ServerOption server, String method, String path, String body, int expected) throws Exception {
        URI uri = base(options, server).resolve("api/v1/" + path);
        try (Database database = options.open(env)) {
            ApiTokens tokens = new ApiTokens(new JdbiApiTokenRepository(database), Clock.systemUTC());
            String name = KEY_PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime();
            String key = tokens.issue(name, Role.ADMIN, EnumSet.of(ApiScope.SESSIONS_READ, ApiScope.SESSIONS_OPEN,
                    ApiScope.SESSIONS_KILL), null, "cli:" + System.getProperty("user.name", "unknown"),
                    Instant.now().plus(TOKEN_LIFETIME)).secret();
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
            if (uri.getScheme().equals("https")) {
                client.sslContext(ServerTrust.orDefault(options.load(env)));
            }
            try (HttpClient http = client.build()) {
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
                tokens.discard(name);
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
        return URI.create((config.tls().enabled() ? "https" : "http") + "://" + shown + ":" + config.server().port() + "/");
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "-";
    }
}
