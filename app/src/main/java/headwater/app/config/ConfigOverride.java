package headwater.app.config;

/**
 * A value given on the command line, which wins over the file and the environment.
 *
 * @param key    the configuration key, such as {@code server.port}
 * @param value  the value as typed
 * @param origin what to name in messages, such as {@code --port}
 */
public record ConfigOverride(String key, String value, String origin) {
}
