package headwater.domain.apikey;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored API key: never the key, only its digest.
 *
 * @param name     what the key is for ("admin", "billing-script"); an id
 * @param digest   SHA-256 of the key, 64 lower-case hex digits
 * @param created  when it was stored
 * @param lastUsed when it last authenticated a request (to the minute or so), or null if never
 */
public record ApiKey(String name, String digest, Instant created, Instant lastUsed) {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    public ApiKey {
        checkName(name);
        checkDigest(digest);
        Objects.requireNonNull(created, "created");
    }

    public static String checkName(String name) {
        return Check.id("api key", "name", name);
    }

    public static String checkDigest(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new InvalidValueException("api key", "digest", "must be 64 lower-case hex digits (SHA-256)");
        }
        return digest;
    }
}
