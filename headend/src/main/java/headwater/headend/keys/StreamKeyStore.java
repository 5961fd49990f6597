package headwater.headend.keys;

import java.time.Instant;
import java.util.List;

/**
 * Where the channels' content keys outlive the process, so that the segments on disk (the live window after a
 * restart, the catch-up archive for days) can still be decrypted by players. The application stores them sealed
 * (field {@code stream.key}) in the catalogue's database; the headend only sees this interface.
 *
 * <p>Called off the hot path: when a channel starts (load), once per rotation (save, retire, purge). A failure is
 * thrown; the headend logs it and goes on with the key in memory.
 */
public interface StreamKeyStore {

    /** Every key kept for {@code channel}, oldest first. */
    List<StreamKey> load(String channel);

    /** Stores a new current key of {@code channel}. */
    void save(String channel, StreamKey key);

    /** Marks key {@code keyId} of {@code channel} retired at {@code at}. */
    void retire(String channel, String keyId, Instant at);

    /**
     * Forgets the keys of {@code channel} retired before {@code before}: no segment that needs them is kept any more.
     *
     * @return how many were deleted
     */
    int purge(String channel, Instant before);

    /** Keeps keys in memory only: after a restart, segments of earlier keys are dropped. */
    StreamKeyStore MEMORY = new StreamKeyStore() {
        @Override
        public List<StreamKey> load(String channel) {
            return List.of();
        }

        @Override
        public void save(String channel, StreamKey key) {
        }

        @Override
        public void retire(String channel, String keyId, Instant at) {
        }

        @Override
        public int purge(String channel, Instant before) {
            return 0;
        }
    };
}
