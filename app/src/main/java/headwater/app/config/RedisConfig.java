package headwater.app.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where sessions and their counts live when several nodes share them ({@code redis.*}).
 *
 * @param url    {@code redis://[user:password@]host[:port][/database]} or {@code rediss://...}; empty keeps sessions
 *               in this node's memory. Its password is never logged: see {@link #describeUrl}.
 * @param prefix of every key Headwater writes, so that several installations can share one Redis
 */
public record RedisConfig(Optional<URI> url, String prefix) {

    public static final String DEFAULT_PREFIX = "hw:";

    public RedisConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(prefix, "prefix");
    }

    public static RedisConfig defaults() {
        return new RedisConfig(Optional.empty(), DEFAULT_PREFIX);
    }

    /** The URL without its user information, for logs and messages. */
    public String describeUrl() {
        return url.map(RedisConfig::withoutUserInfo).orElse("(none: sessions in memory)");
    }

    static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://***@" + uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1)
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    @Override
    public String toString() {
        return "RedisConfig[url=" + describeUrl() + ", prefix=" + prefix + "]";
    }
}
