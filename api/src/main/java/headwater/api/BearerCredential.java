package headwater.api;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an {@code Authorization} header offers, parsed without ever putting the credential in a message: either a
 * bearer token (RFC 6750 token68 syntax) or the reason it is not one.
 *
 * @param token   the token, or null when refused
 * @param refusal why the header is not a bearer token, safe to log; null when a token was found
 */
record BearerCredential(String token, String refusal) {

    static final int MAX_TOKEN_LENGTH = 512;
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    /** Schemes a log line may name; anything else might be a credential sent without its scheme. */
    private static final Set<String> KNOWN_SCHEMES = Set.of("basic", "digest", "negotiate", "ntlm", "token", "apikey",
            "hoba", "mutual", "scram-sha-256", "aws4-hmac-sha256", "dpop");

    static BearerCredential parse(String header) {
        if (header == null) {
            return refused("no Authorization header");
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
            return refused(KNOWN_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))
                    ? "Authorization scheme " + scheme + " is not Bearer" : "Authorization is not a Bearer credential");
        }
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (token.isEmpty()) {
            return refused("Authorization: Bearer without a token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return refused("Authorization: Bearer token of " + token.length() + " characters (at most "
                    + MAX_TOKEN_LENGTH + ")");
        }
        if (!TOKEN68.matcher(token).matches()) {
            return refused("Authorization: Bearer token with characters outside the token68 syntax");
        }
        return new BearerCredential(token, null);
    }

    private static BearerCredential refused(String reason) {
        return new BearerCredential(null, reason);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return token == null ? "BearerCredential[refused: " + refusal + "]" : "BearerCredential[token]";
    }
}
