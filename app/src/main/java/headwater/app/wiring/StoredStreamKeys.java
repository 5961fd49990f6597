package headwater.app.wiring;

import headwater.domain.streamkey.ChannelKey;
import headwater.domain.streamkey.ChannelKeyRepository;
import headwater.headend.keys.StreamKey;
import headwater.headend.keys.StreamKeyStore;
import java.time.Instant;
import java.util.List;

/**
 * The headend's {@link StreamKeyStore} on the catalogue's database: the channels' content keys in table
 * {@code stream_key}, sealed by the at-rest field cipher ({@code stream_key.secret}), so that encrypted segments on
 * disk (the live window after a restart, the catch-up archive) stay playable and a database dump holds no key.
 */
public final class StoredStreamKeys implements StreamKeyStore {

    private final ChannelKeyRepository keys;

    public StoredStreamKeys(ChannelKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public List<StreamKey> load(String channel) {
        return keys.list(channel).stream()
                .map(k -> new StreamKey(k.id(), k.secret(), k.created(), k.retired())).toList();
    }

    @Override
    public void save(String channel, StreamKey key) {
        keys.create(new ChannelKey(channel, key.id(), key.key(), key.created(), key.retired()));
    }

    @Override
    public void retire(String channel, String keyId, Instant at) {
        keys.retire(channel, keyId, at);
    }

    @Override
    public int purge(String channel, Instant before) {
        return keys.purgeRetiredBefore(channel, before);
    }
}
