package headwater.app.cli;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.ChannelSort;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.store.Database;
import headwater.store.catalog.JdbiChannelRepository;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headwater channel add|update|list|rm|enable|disable}: the catalogue's channels, for scripts. */
@Command(
        name = "channel",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Add, change, list, remove, enable and disable the channels of the catalogue (the database of serve, which may be"
                    + " running: it starts, restarts or stops the channel within seconds).",
            ""
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  headwater channel add news-hd --number 101 --name \"News HD\" --source udp://239.1.1.1:5000",
            "  headwater channel update news-hd --rendition news-sd",
            "  headwater channel list --json",
            "  headwater channel disable news-hd"
        })
final class ChannelCommand extends CommandGroup {

    private final Map<String, String> env;

    ChannelCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Store a new channel (enabled unless --disabled) and print it.")
    int add(@Mixin StoreOptions options,
            @Parameters(paramLabel = "ID", description = "Stable id: letters, digits, '.', '_', '-'; the headend runs"
                    + " ids that are lower-case slugs such as news-hd.") String id,
            @Option(names = "--number", paramLabel = "N", description = "Channel number, unique (default: one more than"
                    + " the highest).") Integer number,
            @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the id).") String name,
            @Option(names = "--source", paramLabel = "URI", description = "A source, in failover order; repeat for"
                    + " more (http(s), udp, rtp, rtsp, rtmp(s), srt).") List<URI> sources,
            @Option(names = "--logo", paramLabel = "URL", description = "http(s) URL of the logo.") URI logo,
            @Option(names = "--category", paramLabel = "ID", description = "A category id; repeat for more.") List<String> categories,
            @Option(names = "--epg-id", paramLabel = "ID", description = "The XMLTV channel id of its guide.") String epgId,
            @Option(names = "--archive-days", paramLabel = "DAYS", defaultValue = "0", description = "Days of catch-up, 0..365.") int archiveDays,
            @Option(names = "--radio", description = "An audio-only channel.") boolean radio,
            @Option(names = "--encryption", paramLabel = "aes-128|none", description = "aes-128: encrypt its HLS,"
                    + " keys given only inside its sessions (default: none).") String encryption,
            @Option(names = "--disabled", description = "Store it disabled (not run, not shown).") boolean disabled) {
        try (Database database = options.open(env)) {
            ChannelRepository channels = repository(database);
            int chosen = number != null ? number : nextNumber(channels);
            ChannelDraft draft = new ChannelDraft(id, chosen, name == null ? id : name, logo,
                    categories == null ? List.of() : categories, epgId, sources == null ? List.of() : sources,
                    archiveDays, radio, !disabled, ChannelDraft.encryption(encryption));
            Channel created = channels.create(draft);
            print(options, List.of(created), false, Map.of());
        }
        return 0;
    }

    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Change the given fields of a channel and print it; --source replaces the whole list. A"
                    + " running server restarts the channel when its sources or name changed.")
    int update(@Mixin StoreOptions options,
               @Parameters(paramLabel = "ID") String id,
               @Option(names = "--number", paramLabel = "N") Integer number,
               @Option(names = "--name", paramLabel = "NAME") String name,
               @Option(names = "--source", paramLabel = "URI", description = "The new sources, in failover order.") List<URI> sources,
               @Option(names = "--logo", paramLabel = "URL") URI logo,
               @Option(names = "--epg-id", paramLabel = "ID") String epgId,
               @Option(names = "--archive-days", paramLabel = "DAYS") Integer archiveDays,
               @Option(names = "--encryption", paramLabel = "aes-128|none") String encryption,
               @ArgGroup(exclusive = true) RenditionsChange renditions) {
        try (Database database = options.open(env)) {
            ChannelRepository channels = repository(database);
            Channel channel = channels.get(id);
            ChannelDraft original = channel.draft();
            ChannelDraft draft = original;
            draft = number == null ? draft : draft.withNumber(number);
            draft = name == null ? draft : draft.withName(name);
            draft = sources == null ? draft : draft.withSources(sources);
            draft = logo == null ? draft : draft.withLogo(logo);
            draft = epgId == null ? draft : draft.withEpgChannelId(epgId);
            draft = archiveDays == null ? draft : draft.withArchiveDays(archiveDays);
            draft = encryption == null ? draft : draft.withEncrypted(ChannelDraft.encryption(encryption));
            Channel updated = draft.equals(original) && renditions != null ? channel
                    : channels.update(channel.version(), draft);
            if (renditions != null) {
                updated = channels.setRenditions(id, renditions.clear ? List.of() : renditions.ids);
            }
            print(options, List.of(updated), false, Map.of(id, channels.renditions(id)));
        }
        return 0;
    }

    /** {@code --rendition ID...} or {@code --no-renditions}, not both. */
    static final class RenditionsChange {
        @Option(names = "--rendition", paramLabel = "ID", required = true, description = "A channel carrying the same"
                + " programme in another quality, served to plans capped below this one's; repeat for more, in order."
                + " Replaces the list; applied after the other changes.")
        List<String> ids;

        @Option(names = "--no-renditions", required = true, description = "Remove the channel's renditions.")
        boolean clear;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "List the channels by number.")
    int list(@Mixin StoreOptions options, @ArgGroup(exclusive = true) EnabledFilter filter) {
        try (Database database = options.open(env)) {
            ChannelQuery query = ChannelQuery.firstPage(ChannelQuery.MAX_LIMIT)
                    .enabledOnly(filter == null ? null : filter.enabled ? Boolean.TRUE : Boolean.FALSE);
            ChannelRepository channels = repository(database);
            print(options, all(channels, query), true, channels.allRenditions());
        }
        return 0;
    }

    /** {@code --enabled} or {@code --disabled}, not both. */
    static final class EnabledFilter {
        @Option(names = "--enabled", description = "Only enabled channels.")
        boolean enabled;

        @Option(names = "--disabled", description = "Only disabled channels.")
        boolean disabled;
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Delete a channel (and its package memberships; it leaves the renditions of other channels).")
    int rm(@Mixin StoreOptions options, @Parameters(paramLabel = "ID") String id) {
        try (Database database = options.open(env)) {
            if (!repository(database).delete(id)) {
                throw new NotFoundException("channel", id);
            }
            Listing.done(options, "removed", "channel", id);
        }
        return 0;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Enable a channel: a running server starts it.")
    int enable(@Mixin StoreOptions options, @Parameters(paramLabel = "ID") String id) {
        return setEnabled(options, id, true);
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Disable a channel: a running server stops it.")
    int disable(@Mixin StoreOptions options, @Parameters(paramLabel = "ID") String id) {
        return setEnabled(options, id, false);
    }

    private int setEnabled(StoreOptions options, String id, boolean enabled) {
        try (Database database = options.open(env)) {
            ChannelRepository channels = repository(database);
            Channel channel = channels.get(id);
            Channel updated = channel.enabled() == enabled ? channel
                    : channels.update(channel.version(), channel.draft().withEnabled(enabled));
            print(options, List.of(updated), false, Map.of(id, channels.renditions(id)));
        }
        return 0;
    }

    private static ChannelRepository repository(Database database) {
        return new JdbiChannelRepository(database, Clock.systemUTC());
    }

    private static int nextNumber(ChannelRepository channels) {
        List<Channel> highest = channels.list(ChannelQuery.firstPage(1).sortedBy(ChannelSort.NUMBER, true)).items();
        return highest.isEmpty() ? ChannelDraft.MIN_NUMBER : highest.getFirst().number() + 1;
    }

    static List<Channel> all(ChannelRepository channels, ChannelQuery first) {
        List<Channel> all = new ArrayList<>();
        ChannelQuery query = first;
        Page<Channel> page;
        do {
            page = channels.list(query);
            all.addAll(page.items());
            query = query.next();
        } while (page.hasMore() && !page.items().isEmpty());
        return all;
    }

    /**
     * A listing is a JSON array; a single added or changed channel is one JSON object. {@code renditions}: those of
     * the channels that have some.
     */
    static void print(StoreOptions options, List<Channel> channels, boolean listing,
                      Map<String, List<String>> renditions) {
        if (options.json()) {
            List<Map<String, Object>> items = channels.stream()
                    .map(c -> json(c, renditions.getOrDefault(c.id(), List.of()))).toList();
            Listing.json(options.out(), listing ? items : items.getFirst());
            return;
        }
        Listing.table(options.out(), List.of("ID", "NUMBER", "NAME", "ENABLED", "SOURCES", "VERSION"),
                channels.stream().map(c -> List.of(c.id(), String.valueOf(c.number()), c.name(),
                        c.enabled() ? "yes" : "no", String.valueOf(c.sources().size()), String.valueOf(c.version())))
                        .toList());
    }

    static Map<String, Object> json(Channel c, List<String> renditions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("number", c.number());
        m.put("name", c.name());
        m.put("enabled", c.enabled());
        m.put("radio", c.radio());
        m.put("sources", c.sources().stream().map(URI::toString).toList());
        m.put("logo", c.logo() == null ? null : c.logo().toString());
        m.put("categories", c.categoryIds());
        m.put("epgChannelId", c.epgChannelId());
        m.put("archiveDays", c.archiveDays());
        m.put("encryption", c.draft().encryption());
        m.put("renditions", renditions);
        m.put("version", c.version());
        m.put("created", c.created().toString());
        m.put("updated", c.updated().toString());
        return m;
    }
}
