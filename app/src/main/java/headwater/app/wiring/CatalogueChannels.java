package headwater.app.wiring;

import headwater.app.config.ChannelConfig;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.session.ChannelDirectory;
import headwater.domain.session.ChannelEntry;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue's and the configuration's channels as entitlement sees them ({@link ChannelDirectory}): an index of
 * channel to packages, renditions and archive days, an immutable map behind a volatile reference, so opening a
 * session costs one hash lookup however big the catalogue is. The same rebuild indexes the packages' films and series
 * ({@link #vodPackages()}, for {@link StoreVodDirectory}). The index is rebuilt from the store (every channel, every
 * package, every rendition list: three reads) when the catalogue changes: {@link CatalogueSync} calls {@link #run} after a poll that
 * found its fingerprint ({@link CatalogueFingerprint}, channels and package memberships) changed, and the rebuild runs
 * on its own thread. {@link #rebuild} builds it at once, for the server's start.
 *
 * <p>A configuration channel is not in the catalogue: it is enabled, in the packages its configuration names and in
 * any catalogue package listing its id, with its configured archive days, and no renditions unless a catalogue channel
 * of the same id has some, nor archive days unless the configuration gives none and that catalogue channel does (the
 * configuration's channel is the one that runs, as in {@link CatalogueSync}).
 */
public final class CatalogueChannels implements ChannelDirectory, Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueChannels.class);

    private final List<ChannelConfig> configured;
    private final ChannelRepository channels;
    private final PackageRepository packages;
    private final FoldedRuns rebuilds = new FoldedRuns("channel-directory", this::rebuildQuietly);
    private volatile Map<String, ChannelEntry> entries;
    private volatile VodPackages vodPackages = VodPackages.NONE;

    public CatalogueChannels(List<ChannelConfig> configured, ChannelRepository channels, PackageRepository packages) {
        this.configured = List.copyOf(configured);
        this.channels = channels;
        this.packages = packages;
        this.entries = index(configured, List.of(), List.of(), Map.of());
    }

    @Override
    public Optional<ChannelEntry> channel(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Which packages hold each film and series, as of the last rebuild (none before the first). */
    public VodPackages vodPackages() {
        return vodPackages;
    }

    /** How many channels the index holds. */
    public int size() {
        return entries.size();
    }

    /** Asks for a rebuild on the directory's own thread (requests made while one runs are folded into one more). */
    @Override
    public void run() {
        rebuilds.run();
    }

    /** Reads the catalogue and swaps the new index in; blocking. The old index stays when the store cannot be read. */
    public void rebuild() {
        List<Channel> all = CatalogueSync.every(channels, ChannelQuery.firstPage(CatalogueSync.PAGE));
        List<Package> allPackages = packages.list();
        Map<String, List<String>> renditions = channels.allRenditions();
        entries = index(configured, all, allPackages, renditions);
        vodPackages = VodPackages.of(allPackages);
        LOG.debug("channel directory rebuilt: {} channels, {} packages", entries.size(), allPackages.size());
    }

    private void rebuildQuietly() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            LOG.warn("the catalogue changed but the channel directory cannot read it (sessions are judged on the"
                    + " previous one until the next change): {}", e.getMessage());
        }
    }

    static Map<String, ChannelEntry> index(List<ChannelConfig> configured, List<Channel> catalogue,
                                           List<Package> packages, Map<String, List<String>> renditions) {
        Map<String, Set<String>> packagesOf = new HashMap<>();
        for (Package pkg : packages) {
            for (String channelId : pkg.channelIds()) {
                packagesOf.computeIfAbsent(channelId, id -> new LinkedHashSet<>()).add(pkg.id());
            }
        }
        Map<String, ChannelEntry> index = new HashMap<>();
        for (Channel channel : catalogue) {
            index.put(channel.id(), new ChannelEntry(channel.id(), channel.enabled(),
                    packagesOf.getOrDefault(channel.id(), Set.of()), renditions.getOrDefault(channel.id(), List.of()),
                    channel.archiveDays()));
        }
        for (ChannelConfig channel : configured) {
            Set<String> in = new LinkedHashSet<>(channel.packages());
            in.addAll(packagesOf.getOrDefault(channel.id(), Set.of()));
            ChannelEntry catalogued = index.get(channel.id());
            index.put(channel.id(), new ChannelEntry(channel.id(), true, in,
                    renditions.getOrDefault(channel.id(), List.of()),
                    channel.archiveDays() > 0 || catalogued == null ? channel.archiveDays() : catalogued.archiveDays()));
        }
        return Map.copyOf(index);
    }

    @Override
    public void close() {
        rebuilds.close();
    }
}
