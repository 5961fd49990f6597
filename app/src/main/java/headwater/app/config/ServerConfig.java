package headwater.app.config;

import headwater.security.outbound.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Where the HTTP server listens, and what this node is among others.
 *
 * @param host                 address to bind
 * @param port                 TCP port, 0 for a free one
 * @param trustedProxies       peers whose {@code X-Forwarded-For} is believed (load balancers, edges); none by default
 * @param nodeId               this node's name in sessions, Redis and metrics; default the host name
 * @param egressCapacityBitsPerSecond the media bandwidth this node admits sessions up to
 * @param plainHttpPort        a second port that serves media only over plain HTTP, for set-top boxes without
 *                             HTTPS (never logins, APIs, keys or metrics); empty: none (default)
 * @param plainHttpXtream      whether the Xtream Codes API and its media URLs, which carry the subscriber's password,
 *                             are also served on the plain HTTP port (default false)
 */
public record ServerConfig(String host, int port, List<Cidr> trustedProxies, String nodeId,
                           long egressCapacityBitsPerSecond, OptionalInt plainHttpPort, boolean plainHttpXtream) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_EGRESS_CAPACITY = 10_000_000_000L;
    public static final String NODE_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";
    private static final Pattern NODE_ID = Pattern.compile(NODE_ID_PATTERN);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(plainHttpPort, "plainHttpPort");
        if (egressCapacityBitsPerSecond <= 0) {
            throw new IllegalArgumentException("egressCapacityBitsPerSecond must be positive: " + egressCapacityBitsPerSecond);
        }
    }

    /** No plain HTTP port for media. */
    public ServerConfig(String host, int port, List<Cidr> trustedProxies, String nodeId,
                        long egressCapacityBitsPerSecond) {
        this(host, port, trustedProxies, nodeId, egressCapacityBitsPerSecond, OptionalInt.empty(), false);
    }

    /** Listens on {@code host:port}; the other settings are the defaults. */
    public ServerConfig(String host, int port) {
        this(host, port, List.of(), defaultNodeId(), DEFAULT_EGRESS_CAPACITY);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT);
    }

    public ServerConfig withEgressCapacity(long bitsPerSecond) {
        return new ServerConfig(host, port, trustedProxies, nodeId, bitsPerSecond, plainHttpPort, plainHttpXtream);
    }

    public ServerConfig withNodeId(String newNodeId) {
        return new ServerConfig(host, port, trustedProxies, newNodeId, egressCapacityBitsPerSecond, plainHttpPort,
                plainHttpXtream);
    }

    /** Also serves media over plain HTTP on {@code newPort} (0: a free one), and Xtream there when {@code xtream}. */
    public ServerConfig withPlainHttp(int newPort, boolean xtream) {
        return new ServerConfig(host, port, trustedProxies, nodeId, egressCapacityBitsPerSecond,
                OptionalInt.of(newPort), xtream);
    }

    /** Whether {@code nodeId} is a valid node id ({@value #NODE_ID_PATTERN}). */
    public static boolean validNodeId(String nodeId) {
        return NODE_ID.matcher(nodeId).matches();
    }

    /** The host name, cut to a valid node id; {@code headwater} when it has none. Looked up once. */
    public static String defaultNodeId() {
        return HostName.NODE_ID;
    }

    private static final class HostName {
        static final String NODE_ID = lookUp();
    }

    private static String lookUp() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "");
        }
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "-");
        cleaned = cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
        return validNodeId(cleaned) ? cleaned : "headwater";
    }
}
