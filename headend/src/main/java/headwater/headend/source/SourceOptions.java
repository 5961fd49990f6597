package headwater.headend.source;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code key=value&key} options of a source URI (its query, or the fragment of an {@code ffmpeg:} URI). Unknown
 * keys are refused, so a typo in the config fails at start instead of being ignored.
 */
final class SourceOptions {
    private final Map<String, String> values;
    private final String source;

    private SourceOptions(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /**
     * Parses raw (still percent-encoded) options.
     *
     * @param source the "source 'x' of channel y" prefix for messages
     */
    static SourceOptions parse(String raw, Set<String> allowed, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!allowed.contains(key)) {
                    throw new InvalidSourceException(source + " has unknown option '" + key + "': expected one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
                if (values.put(key, value) != null) {
                    throw new InvalidSourceException(source + " repeats option '" + key + "'");
                }
            }
        }
        return new SourceOptions(values, source);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    String get(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** A boolean option: absent gives {@code fallback}; present without value, "true", "1" or "yes" give true. */
    boolean flag(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidSourceException(
                    source + " has option " + key + "=" + v + ": expected true or false");
        };
    }

    /** A positive decimal option, such as {@code speed=10} or {@code speed=0.5}. */
    double positive(String key, double fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InvalidSourceException(source + " has option " + key + "=" + v + ": expected a positive number");
    }
}
