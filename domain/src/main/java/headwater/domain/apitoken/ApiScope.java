package headwater.domain.apitoken;

import headwater.domain.catalog.InvalidValueException;
import headwater.domain.identity.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may be used for, on top of its role. A route of the admin API names the one scope it needs; a
 * token passes when it holds that scope or {@link #ADMIN}, and its role is granted the scope ({@link #grantedTo}).
 * Web sessions hold every scope of their role.
 */
public enum ApiScope {
    /** Read channels, categories, packages, plans, films, series and guide sources. */
    CATALOGUE_READ("catalogue:read"),
    /** Change them. */
    CATALOGUE_WRITE("catalogue:write"),
    /** Read subscribers, their devices and playlist tokens. */
    SUBSCRIBERS_READ("subscribers:read"),
    /** Change them. */
    SUBSCRIBERS_WRITE("subscribers:write"),
    /** Read resellers, their credits and ledgers. */
    RESELLERS_READ("resellers:read"),
    /** Make, change and delete resellers, add and spend credits. */
    RESELLERS_WRITE("resellers:write"),
    /** List live playback sessions. */
    SESSIONS_READ("sessions:read"),
    /** Open playback sessions for subscribers. */
    SESSIONS_OPEN("sessions:open"),
    /** End playback sessions. */
    SESSIONS_KILL("sessions:kill"),
    /** Read invoices, payments and the ledger. */
    BILLING_READ("billing:read"),
    /** Refunds, credits, plan prices. */
    BILLING_WRITE("billing:write"),
    /** Everything, including API tokens and token signing keys. */
    ADMIN("admin");

    private static final Set<ApiScope> SUPPORT = EnumSet.of(CATALOGUE_READ, SUBSCRIBERS_READ, RESELLERS_READ,
            SESSIONS_READ, SESSIONS_KILL, BILLING_READ);
    private static final Set<ApiScope> RESELLER = EnumSet.of(CATALOGUE_READ, SUBSCRIBERS_READ, SUBSCRIBERS_WRITE,
            RESELLERS_READ);

    private final String text;

    ApiScope(String text) {
        this.text = text;
    }

    /** The scope as tokens and the command line write it, e.g. {@code catalogue:read}. */
    public String text() {
        return text;
    }

    /**
     * The scope written {@code text}, or a group: {@code billing:*} is every billing scope.
     *
     * @throws InvalidValueException naming the field and the known scopes
     */
    public static Set<ApiScope> parse(String field, String text) {
        if (text != null && text.endsWith(":*")) {
            String area = text.substring(0, text.length() - 1);
            Set<ApiScope> group = Arrays.stream(values()).filter(s -> s.text.startsWith(area))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiScope.class)));
            if (!group.isEmpty()) {
                return group;
            }
        }
        for (ApiScope scope : values()) {
            if (scope.text.equals(text)) {
                return EnumSet.of(scope);
            }
        }
        throw new InvalidValueException("api token", field, (text == null ? "null" : "\"" + abbreviated(text) + "\"")
                + " is not a scope: one of " + Arrays.stream(values()).map(ApiScope::text)
                .collect(Collectors.joining(", ")) + ", or area:* for all of an area");
    }

    /** The scopes a caller of {@code role} may hold: an admin all, support reading and ending sessions. */
    public static Set<ApiScope> grantedTo(Role role) {
        return switch (role) {
            case ADMIN -> EnumSet.allOf(ApiScope.class);
            case SUPPORT -> EnumSet.copyOf(SUPPORT);
            case RESELLER -> EnumSet.copyOf(RESELLER);
            case SUBSCRIBER -> EnumSet.noneOf(ApiScope.class);
        };
    }

    /** Whether a caller of {@code role} holding {@code held} may use a route that needs this scope. */
    public boolean allows(Role role, Set<ApiScope> held) {
        return grantedTo(role).contains(this) && (held.contains(this) || held.contains(ADMIN));
    }

    private static String abbreviated(String text) {
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
