package headwater.headend.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link StreamKeyStore} in a map, as the database would keep it, for tests of what the headend asks. */
public final class RecordingKeyStore implements StreamKeyStore {
    private final Map<String, Map<String, StreamKey>> keys = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();

    @Override
    public synchronized List<StreamKey> load(String channel) {
        calls.add("load " + channel);
        return List.copyOf(keys.getOrDefault(channel, Map.of()).values());
    }

    @Override
    public synchronized void save(String channel, StreamKey key) {
        calls.add("save " + channel + " " + key.id());
        keys.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(key.id(), key);
    }

    @Override
    public synchronized void retire(String channel, String keyId, Instant at) {
        calls.add("retire " + channel + " " + keyId);
        Map<String, StreamKey> of = keys.get(channel);
        of.put(keyId, of.get(keyId).retiredAt(at));
    }

    @Override
    public synchronized int purge(String channel, Instant before) {
        Map<String, StreamKey> of = keys.getOrDefault(channel, new LinkedHashMap<>());
        int n = of.size();
        of.values().removeIf(k -> k.retired() != null && k.retired().isBefore(before));
        return n - of.size();
    }

    public synchronized List<StreamKey> stored(String channel) {
        return List.copyOf(keys.getOrDefault(channel, Map.of()).values());
    }
}
