package headwater.api.xtream;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recently verified username-and-password pairs, so that a player asking every few seconds does not cost an Argon2id
 * verification each time. Keyed by an HMAC-SHA256 of the lower-cased username and the password under a random key
 * made at start and kept only in memory: the map holds nothing from which a password could be recovered offline. An
 * entry names the subscriber's id, version and password hash as verified; any change of the subscriber (a new
 * password, status, expiry; every update bumps the version) makes it miss.
 */
final class LoginCache {

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    LoginCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    /** Whether these credentials were verified for exactly this stored state of the subscriber, and not long ago. */
    boolean hit(String username, String password, String subscriberId, long version, String passwordHash) {
        if (ttl.isZero()) {
            return false;
        }
        String slot = slot(username, password);
        Entry entry = entries.get(slot);
        if (entry == null) {
            return false;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(slot, entry);
            return false;
        }
        return entry.subscriberId().equals(subscriberId) && entry.version() == version
                && MessageDigest.isEqual(entry.passwordHash().getBytes(StandardCharsets.UTF_8),
                passwordHash.getBytes(StandardCharsets.UTF_8));
    }

    void remember(String username, String password, String subscriberId, long version, String passwordHash) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(slot(username, password), new Entry(subscriberId, version, passwordHash, now.plus(ttl)));
    }

    int size() {
        return entries.size();
    }

    private String slot(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    private record Entry(String subscriberId, long version, String passwordHash, Instant expires) {
    }
}
