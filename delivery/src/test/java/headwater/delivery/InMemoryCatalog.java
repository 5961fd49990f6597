package headwater.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A catalog for tests, counting every lookup so tests can prove a request never reached it. */
final class InMemoryCatalog implements LiveCatalog {

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, AtomicInteger> lookupsById = new ConcurrentHashMap<>();

    Channel add(String id) {
        Channel channel = new Channel();
        channels.put(id, channel);
        return channel;
    }

    /** The channel added as {@code id}, without counting a lookup. */
    Channel get(String id) {
        return channels.get(id);
    }

    @Override
    public Optional<LiveOutput> channel(String channelId) {
        lookups.incrementAndGet();
        lookupsById.computeIfAbsent(channelId, id -> new AtomicInteger()).incrementAndGet();
        return Optional.ofNullable(channels.get(channelId));
    }

    int lookups() {
        return lookups.get();
    }

    /** Lookups of every channel but {@code id} (a channel another test thread keeps playing). */
    int lookupsExcept(String id) {
        // summed from the other channels' own counters: total minus this one's would race with that other thread
        return lookupsById.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(id))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    /** One channel whose playlists, segments and feed the test sets. */
    static final class Channel implements LiveOutput {
        volatile Playlist multivariant = new Playlist.NotReady("no multivariant yet");
        volatile Playlist media = new Playlist.NotReady("no segment yet");
        final Map<Long, SegmentLookup> segments = new ConcurrentHashMap<>();
        final Map<String, byte[]> keys = new ConcurrentHashMap<>();
        final InMemoryTsFeed feed = new InMemoryTsFeed();
        final AtomicInteger segmentLookups = new AtomicInteger();

        Channel playlists(String multivariantText, String mediaText) {
            multivariant = new Playlist.Ready(multivariantText.getBytes(StandardCharsets.UTF_8));
            media = new Playlist.Ready(mediaText.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        @Override
        public Optional<byte[]> key(String keyId) {
            return Optional.ofNullable(keys.get(keyId));
        }

        @Override
        public Playlist multivariantPlaylist() {
            return multivariant;
        }

        @Override
        public Playlist mediaPlaylist() {
            return media;
        }

        @Override
        public SegmentLookup segment(long mediaSequence) {
            segmentLookups.incrementAndGet();
            return segments.getOrDefault(mediaSequence,
                    new SegmentLookup.NotYet("segment " + mediaSequence + " is not published yet"));
        }

        @Override
        public TsFeed transportStream() {
            return feed;
        }
    }
}
