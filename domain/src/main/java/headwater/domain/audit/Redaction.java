package headwater.domain.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Redacts secrets from the state an audit entry shows before and after a change: any key whose name contains
 * {@code password}, {@code token}, {@code secret}, {@code key}, {@code totp}, {@code seed} or {@code code} (in any
 * case, in nested maps and lists too) has its value replaced by {@value #REDACTED}; so has personal data that is
 * sealed at rest ({@code email}, {@code phone}), because the audit log itself is not sealed and a dump of the database
 * must not show it there either. Callers redact what they know to be secret; this catches the rest by name.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";
    private static final List<String> SECRET_WORDS = List.of("password", "token", "secret", "key", "totp", "seed",
            "code", "email", "phone");

    private Redaction() {
    }

    /** Whether a value under {@code name} is redacted. */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /** A copy of {@code state} with secret values redacted, in the same order. */
    public static Map<String, Object> redact(Map<String, ?> state) {
        Map<String, Object> copy = new LinkedHashMap<>();
        state.forEach((name, value) -> copy.put(name, isSecret(name) && value != null ? REDACTED : redactValue(value)));
        return copy;
    }

    private static Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((k, v) -> nested.put(String.valueOf(k), v));
            return redact(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Redaction::redactValue).toList();
        }
        return value;
    }
}
