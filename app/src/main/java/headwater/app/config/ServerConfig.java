package headwater.app.config;

import java.util.Objects;

/** Where the HTTP server listens. Until session control exists, media routes are meant for loopback only. */
public record ServerConfig(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT);
    }
}
