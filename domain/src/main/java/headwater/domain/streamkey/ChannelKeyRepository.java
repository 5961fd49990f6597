package headwater.domain.streamkey;

import java.time.Instant;
import java.util.List;

/** Where the channels' content keys are kept between runs, sealed. */
public interface ChannelKeyRepository {

    /** Every key of {@code channelId}, oldest first. */
    List<ChannelKey> list(String channelId);

    /**
     * Stores a new key.
     *
     * @throws headwater.domain.catalog.DuplicateKeyException a key of that id exists
     */
    void create(ChannelKey key);

    /** Sets the retirement time of key {@code id} of {@code channelId} once; false when no current key matched. */
    boolean retire(String channelId, String id, Instant at);

    /** Deletes the keys of {@code channelId} retired before {@code before}; returns how many. */
    int purgeRetiredBefore(String channelId, Instant before);
}
