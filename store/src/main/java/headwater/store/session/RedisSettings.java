package headwater.store.session;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the session registry's Redis is and how it is used. {@link #toString()} masks any password in the URL.
 *
 * @param url            {@code redis://[[user]:password@]host[:port][/database]} or {@code rediss://…} (TLS)
 * @param prefix         put before every key and the pub/sub channel, so that several installations (or tests) can
 *                       share one Redis: 1 to 64 printable characters without spaces; default {@value #DEFAULT_PREFIX}
 * @param commandTimeout how long a command may take before it fails (also the connect timeout): 1 ms to 1 minute;
 *                       while Redis is unreachable commands fail at once instead of queueing
 * @param retention      how long an ended or expired session stays in Redis at most when nobody purges it (a safety
 *                       net beside {@code SessionRegistry.purge}): 1 second to 30 days
 */
public record RedisSettings(String url, String prefix, Duration commandTimeout, Duration retention) {

    public static final String DEFAULT_PREFIX = "hw:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);
    public static final int MAX_PREFIX = 64;

    private static final Pattern USER_INFO = Pattern.compile("://[^@/]*@");

    public RedisSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("redis.url is missing: expected redis://host:port/database");
        }
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException("redis.url " + mask(url) + " must start with redis:// or rediss://");
        }
        try {
            if (URI.create(url).getHost() == null) {
                throw new IllegalArgumentException("it names no host (and port)");
            }
            RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("redis.url " + mask(url) + " is not a Redis URL: "
                    + e.getMessage().replace(url, mask(url)), e);
        }
        Objects.requireNonNull(prefix, "redis.prefix");
        if (prefix.isEmpty() || prefix.length() > MAX_PREFIX || !prefix.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("redis.prefix '" + prefix + "' must have 1 to " + MAX_PREFIX
                    + " printable ASCII characters without spaces");
        }
        Objects.requireNonNull(commandTimeout, "redis.commandTimeout");
        if (commandTimeout.compareTo(Duration.ofMillis(1)) < 0 || commandTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("redis.commandTimeout is " + commandTimeout
                    + ": must be between 1 ms and 1 minute");
        }
        Objects.requireNonNull(retention, "redis.retention");
        if (retention.compareTo(Duration.ofSeconds(1)) < 0 || retention.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("redis.retention is " + retention + ": must be between 1 s and 30 days");
        }
    }

    /** The URL with the defaults: prefix {@value #DEFAULT_PREFIX}, 2 s command timeout, 1 h retention. */
    public static RedisSettings of(String url) {
        return new RedisSettings(url, DEFAULT_PREFIX, DEFAULT_COMMAND_TIMEOUT, DEFAULT_RETENTION);
    }

    public RedisSettings withPrefix(String newPrefix) {
        return new RedisSettings(url, newPrefix, commandTimeout, retention);
    }

    public RedisSettings withCommandTimeout(Duration newTimeout) {
        return new RedisSettings(url, prefix, newTimeout, retention);
    }

    public RedisSettings withRetention(Duration newRetention) {
        return new RedisSettings(url, prefix, commandTimeout, newRetention);
    }

    /** The URL with any user and password replaced by {@code ***}: safe for logs and error messages. */
    public String maskedUrl() {
        return mask(url);
    }

    @Override
    public String toString() {
        return "RedisSettings[url=" + maskedUrl() + ", prefix=" + prefix + ", commandTimeout=" + commandTimeout
                + ", retention=" + retention + "]";
    }

    private static String mask(String url) {
        return USER_INFO.matcher(url).replaceFirst("://***@");
    }
}
