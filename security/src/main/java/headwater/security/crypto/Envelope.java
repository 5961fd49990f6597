package headwater.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Envelope encryption of stored values: each value is sealed with AES-256-GCM under the current data key; the data
 * keys are kept {@linkplain WrappedKeys wrapped} under the {@link MasterKey}. The associated data is
 * {@code hw1.<dataKeyId>.<field>}, so a value opens only for the field it was sealed for.
 *
 * <p>The unwrapped data keys are held in memory; a value under a key this instance has not seen (another process
 * rotated) makes it read the stored keys again once. Thread-safe.
 */
public final class Envelope {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 6;

    private final MasterKey master;
    private final WrappedKeys stored;
    private final Clock clock;
    private volatile Ring ring;

    private Envelope(MasterKey master, WrappedKeys stored, Clock clock) {
        this.master = master;
        this.stored = stored;
        this.clock = clock;
    }

    /**
     * Opens the stored data keys under {@code master}, making the first one when none seals.
     *
     * @throws UnsealableException a stored key does not unwrap (another master key than the one they were wrapped
     *                             under): nothing sealed could be opened, so this fails at start, naming the key
     */
    public static Envelope open(MasterKey master, WrappedKeys stored, Clock clock) {
        Envelope envelope = new Envelope(Objects.requireNonNull(master, "master"),
                Objects.requireNonNull(stored, "stored"), Objects.requireNonNull(clock, "clock"));
        envelope.reload();
        if (envelope.ring.currentId == null) {
            envelope.addKey();
        }
        return envelope;
    }

    /** Seals {@code plaintext} for {@code field} under the current data key. */
    public String seal(String field, byte[] plaintext) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(plaintext, "plaintext");
        Ring current = ring;
        byte[] box = Aes256Gcm.seal(current.keys.get(current.currentId), associated(current.currentId, field),
                plaintext);
        return new SealedText(current.currentId, box).format();
    }

    /**
     * @throws UnsealableException not sealed text, under an unknown data key, altered, or sealed for another field
     */
    public byte[] open(String field, String text) {
        Objects.requireNonNull(field, "field");
        SealedText sealed = SealedText.parse(text);
        byte[] key = ring.keys.get(sealed.keyId());
        if (key == null) {
            reload();
            key = ring.keys.get(sealed.keyId());
            if (key == null) {
                throw new UnsealableException("sealed value names data key " + sealed.keyId()
                        + ", which is not stored");
            }
        }
        try {
            return Aes256Gcm.open(key, associated(sealed.keyId(), field), sealed.box());
        } catch (UnsealableException e) {
            throw new UnsealableException("sealed value for " + field + " under data key " + sealed.keyId()
                    + " does not open: " + e.getMessage(), e);
        }
    }

    /** The id of the data key that seals now. */
    public String currentKeyId() {
        return ring.currentId;
    }

    /** Makes a new data key, makes it the one that seals, and retires the others (they still open). */
    public String rotateDataKey() {
        String id = addKey();
        stored.retireAllBut(id, clock.instant());
        reload();
        return id;
    }

    /**
     * Every stored data key wrapped under {@code next} instead: for the caller to store in one transaction, after
     * which {@code next} is the master key.
     */
    public List<WrappedKey> rewrappedUnder(MasterKey next) {
        List<WrappedKey> rewrapped = new ArrayList<>();
        for (WrappedKey key : stored.all()) {
            byte[] plain = master.unwrap(key.id(), key.wrapped());
            rewrapped.add(new WrappedKey(key.id(), next.wrap(key.id(), plain), key.created(), key.retired()));
        }
        return rewrapped;
    }

    /** Reads the stored keys again (another process may have rotated). */
    public void reload() {
        List<WrappedKey> all = stored.all();
        Map<String, byte[]> keys = new HashMap<>();
        for (WrappedKey key : all) {
            keys.put(key.id(), master.unwrap(key.id(), key.wrapped()));
        }
        String currentId = all.stream().filter(k -> k.retired() == null)
                .max(Comparator.comparing(WrappedKey::created).thenComparing(WrappedKey::id))
                .map(WrappedKey::id).orElse(null);
        ring = new Ring(Map.copyOf(keys), currentId);
    }

    private String addKey() {
        byte[] idBytes = new byte[ID_BYTES];
        RANDOM.nextBytes(idBytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
        byte[] key = Aes256Gcm.randomKey();
        stored.add(new WrappedKey(id, master.wrap(id, key), clock.instant(), null));
        reload();
        return id;
    }

    private static byte[] associated(String keyId, String field) {
        return (SealedText.PREFIX + keyId + "." + field).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Envelope[master " + master.fingerprint() + ", sealing under " + ring.currentId + "]";
    }

    /** The unwrapped keys by id, and the id of the one that seals. */
    private record Ring(Map<String, byte[]> keys, String currentId) {
        @Override
        public String toString() {
            return "Ring[" + keys.size() + " keys, current " + currentId + "]";
        }
    }
}
