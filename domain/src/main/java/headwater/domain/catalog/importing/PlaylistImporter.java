package headwater.domain.catalog.importing;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryRepository;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.m3u.EntryMatch;
import headwater.domain.m3u.ImportReport;
import headwater.domain.m3u.ImportedEntry;
import headwater.domain.m3u.M3uFormatException;
import headwater.domain.m3u.M3uParser;
import headwater.domain.m3u.M3uWriter;
import headwater.domain.m3u.Playlist;
import headwater.domain.m3u.PlaylistDiff;
import headwater.domain.m3u.PlaylistEntry;
import headwater.domain.m3u.PlaylistHeader;
import headwater.domain.m3u.StableKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Imports an M3U playlist into the catalogue, and imports it again when it changes.
 *
 * <p>The playlist is read whole first: one that cannot be read (a line over the limit, bytes that are not UTF-8),
 * or in which no entry has a stream URL (an HTML error page, an empty download), changes nothing. Its entries are then paired with the entries the previous imports of the same <em>source</em>
 * left ({@link PlaylistDiff}: by {@code tvg-id}, URL, normalised name), and:
 * <ul>
 *   <li>a new entry becomes a channel: name (title, else {@code tvg-name}), logo ({@code tvg-logo}), EPG channel id
 *       ({@code tvg-id}), number ({@code tvg-chno} when free, else the next free one), categories
 *       ({@code group-title} and {@code #EXTGRP}, created on demand; RADIO for {@code radio="true"} entries),
 *       archive days ({@code catchup-days}, the header's, or {@code timeshift}), and one source: the URL with its
 *       HTTP headers in the fragment ({@link SourceUri});</li>
 *   <li>a paired entry updates its channel field by field where the operator has not changed the field since the
 *       previous import ({@link ThreeWay}); the operator's numbers, EPG ids, categories, sources and enabled flag
 *       stay, and packages are never touched;</li>
 *   <li>a channel whose entry is gone is disabled (or deleted with {@link ImportOptions#deleteRemoved()}); if the
 *       entry comes back, the channel is enabled again unless the operator decided otherwise.</li>
 * </ul>
 * The writes go in batches of {@link ImportOptions#batchSize()} channels, written as soon as they are planned, each
 * one transaction with the links of its channels, so an interrupted import leaves whole batches and importing again
 * completes it without duplicates.
 */
public final class PlaylistImporter {

    private static final M3uParser PARSER = new M3uParser();

    private final PlaylistImportStore store;
    private final CategoryRepository categories;
    private final Clock clock;

    public PlaylistImporter(PlaylistImportStore store, CategoryRepository categories, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.categories = Objects.requireNonNull(categories, "categories");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the playlist from {@code in} and imports it as {@code source}.
     *
     * @param source   the name that identifies this playlist across imports (e.g. its file name or URL)
     * @param location where it was read from, for the record (pass URLs with secrets masked)
     * @throws headwater.domain.m3u.M3uFormatException the playlist cannot be read, or no entry has a stream URL;
     *                                                 nothing was written
     * @throws headwater.domain.catalog.CatalogException a batch could not be written (the batches before it were)
     */
    public PlaylistImportReport importPlaylist(String source, String location, InputStream in, ImportOptions options)
            throws IOException {
        ImportLink.checkSource(source);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(options, "options");
        var entries = new ArrayList<PlaylistEntry>();
        var lines = new ArrayList<Long>();
        ImportReport parse = PARSER.parseNumbered(in, (entry, line) -> {
            entries.add(entry);
            lines.add(line);
        });
        refuseIfNotAPlaylist(parse, entries);
        return new Run(source, location, parse, entries, lines, options).execute();
    }

    /**
     * An input in which no entry has a stream URL is not a playlist to apply: an HTML error page served as the
     * playlist, an empty file, a truncated download. Applying it would disable every channel of the source.
     */
    private static void refuseIfNotAPlaylist(ImportReport parse, List<PlaylistEntry> entries) throws M3uFormatException {
        for (PlaylistEntry entry : entries) {
            if (SourceUri.of(entry, problem -> { }) != null) {
                return;
            }
        }
        String what = entries.isEmpty() ? "has no entries" : "has " + entries.size()
                + (entries.size() == 1 ? " entry" : " entries") + " but none with a stream URL";
        boolean header = parse.warnings().stream().noneMatch(w -> w.message().startsWith("no #EXTM3U header"));
        throw new M3uFormatException(1, "line 1: the input " + what + (header ? "" : " and no #EXTM3U header")
                + " (an error page or an empty download?); nothing was imported, no channel was changed");
    }

    /**
     * The default source name of a playlist read from {@code fileOrUrl}: a URL without its user info, query and
     * fragment ({@code http://host:8080/get.php}; the query of an Xtream URL holds the password), or a file's name
     * ({@code free-tv.m3u8}), at most {@value ImportLink#MAX_SOURCE_LENGTH} characters. Import the same playlist
     * under the same name every time, or its channels are created again.
     */
    public static String sourceName(String fileOrUrl) {
        String text = fileOrUrl.strip();
        String name;
        int scheme = text.indexOf("://");
        if (scheme > 0 && text.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            String rest = text.substring(scheme + 3);
            int end = rest.length();
            for (char stop : new char[] {'?', '#'}) {
                int at = rest.indexOf(stop);
                if (at >= 0) {
                    end = Math.min(end, at);
                }
            }
            rest = rest.substring(0, end);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            name = text.substring(0, scheme + 3).toLowerCase(java.util.Locale.ROOT) + authority
                    + (slash < 0 ? "" : rest.substring(slash));
        } else {
            name = java.nio.file.Path.of(text).getFileName() == null ? text : java.nio.file.Path.of(text).getFileName().toString();
        }
        name = name.chars().anyMatch(Character::isISOControl) ? name.replaceAll("\\p{Cntrl}", " ") : name;
        return name.length() <= ImportLink.MAX_SOURCE_LENGTH ? name : name.substring(0, ImportLink.MAX_SOURCE_LENGTH);
    }

    /**
     * The stable key of an entry as stored: the SHA-256 (hex) of its {@link StableKeys} (lower-cased {@code tvg-id},
     * URL, normalised name), so that it has a fixed size however long the URL.
     */
    public static String entryKey(PlaylistEntry entry) {
        StableKeys keys = StableKeys.of(entry);
        String text = keys.tvgId().orElse("") + '\u001f' + keys.url() + '\u001f' + keys.name();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The entry as M3U text (its {@code #EXTINF}, {@code #EXTGRP}, {@code #KODIPROP}, {@code #EXTVLCOPT} and URL
     * lines, no {@code #EXTM3U} header) that {@link #entriesOf} reads back to an equal entry.
     */
    static String textOf(PlaylistEntry entry) {
        var text = new StringWriter(256);
        try {
            new M3uWriter(text).entry(entry);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }

    /** The entries of stored texts, read in one pass (each text is whole lines, so they concatenate). */
    static List<PlaylistEntry> entriesOf(List<String> texts) {
        var all = new StringBuilder(texts.size() * 400).append("#EXTM3U\n");
        texts.forEach(all::append);
        try {
            List<PlaylistEntry> read = PARSER.read(new ByteArrayInputStream(all.toString().getBytes(StandardCharsets.UTF_8)))
                    .playlist().entries();
            if (read.size() != texts.size()) {
                throw new IllegalStateException("the stored entries of an import read back as " + read.size()
                        + " entries, not " + texts.size());
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("the stored entries of an import do not parse: " + e.getMessage(), e);
        }
    }

    /**
     * A paired entry and what it wants its channel to be. The channel is read only if it may change: the entry
     * changed, came back, or wants something other than last time.
     */
    private record Wanted(EntryMatch match, int position, long line, ImportLink link, ChannelDraft desired,
                          List<Category> categories) {

        boolean needsChannel() {
            return !link.present() || !match.changes().isEmpty() || !desired.equals(link.applied());
        }
    }

    /** One planned write: a channel to create, update or delete, and its link. */
    private record Op(ChannelDraft create, ChannelUpdate update, String delete, ImportLink link, List<Category> categories) {
    }

    /** The state of one import. */
    private final class Run {

        private final String source;
        private final String location;
        private final ImportReport parse;
        private final List<PlaylistEntry> entries;
        private final List<Long> lines;
        private final ImportOptions options;
        private final PlaylistHeader header;
        private final Problems problems = new Problems();
        private final List<Op> ops = new ArrayList<>();
        private final List<ChannelChange> added = new ArrayList<>();
        private final List<ChannelChange> updated = new ArrayList<>();
        private final List<ChannelChange> renamed = new ArrayList<>();
        private final List<ChannelChange> removed = new ArrayList<>();
        private long unchanged;
        private NumberPlan numbers;
        private CategoryResolver groups;

        Run(String source, String location, ImportReport parse, List<PlaylistEntry> entries, List<Long> lines,
            ImportOptions options) {
            this.source = source;
            this.location = location;
            this.parse = parse;
            this.entries = entries;
            this.lines = lines;
            this.options = options;
            this.header = parse.header();
        }

        PlaylistImportReport execute() {
            problems.addAll(parse.warnings(), parse.warningCount());
            problems.addAll(parse.skipped(), parse.skippedCount());
            List<ImportLink> links = store.links(source);
            Map<String, ImportLink> byChannel = new HashMap<>();
            List<PlaylistEntry> stored = entriesOf(links.stream().map(ImportLink::entry).toList());
            var previous = new ArrayList<ImportedEntry>(links.size());
            for (int i = 0; i < links.size(); i++) {
                ImportLink link = links.get(i);
                byChannel.put(link.channelId(), link);
                previous.add(new ImportedEntry(link.channelId(), stored.get(i)));
            }
            PlaylistDiff diff = PlaylistDiff.between(previous, entries);
            Map<PlaylistEntry, Integer> index = new IdentityHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                index.put(entries.get(i), i);
            }
            numbers = new NumberPlan(store.channelNumbers());
            groups = new CategoryResolver(categories.list(null));

            // What each paired entry wants; only the channels that may change are read (none for a no-op import).
            List<Wanted> wanted = Stream.of(diff.unchanged(), diff.changed(), diff.renamed()).flatMap(List::stream)
                    .sorted(Comparator.comparingInt(m -> index.get(m.current())))
                    .map(m -> want(m, index.get(m.current()), byChannel.get(m.previous().ref())))
                    .toList();
            var needed = new ArrayList<String>();
            wanted.stream().filter(Wanted::needsChannel).forEach(w -> needed.add(w.link().channelId()));
            diff.removed().stream().map(gone -> byChannel.get(gone.ref())).filter(ImportLink::present)
                    .forEach(link -> needed.add(link.channelId()));
            Map<String, Channel> channels = store.channels(needed);
            for (Wanted w : wanted) {
                planMatch(w, w.needsChannel() ? channels.get(w.link().channelId()) : null);
            }
            planAdded(diff.added(), index);
            for (ImportedEntry gone : diff.removed()) {
                ImportLink link = byChannel.get(gone.ref());
                if (link.present()) {
                    planRemoved(link, channels.get(link.channelId()));
                }
            }
            if (!options.dryRun()) {
                write();
            }
            return new PlaylistImportReport(source, entries.size(), added, updated, renamed, removed, unchanged,
                    problems.byLine(), problems.count(), !options.dryRun());
        }

        /** What a paired entry wants its channel to be, before the channel is read. */
        private Wanted want(EntryMatch match, int position, ImportLink link) {
            PlaylistEntry entry = match.current();
            long line = lines.get(position);
            // An entry as it was last time had its problems reported then; only new or changed entries get them.
            boolean sameEntry = match.changes().isEmpty() && link.present();
            EntryFields fields = EntryFields.of(entry, header, sameEntry ? message -> { } : message -> problems.add(line, message));
            ChannelDraft base = link.applied();
            PlaylistEntry before = match.previous().entry();
            boolean sameGroups = before.groupTitles().equals(entry.groupTitles()) && before.group().equals(entry.group())
                    && before.radio() == entry.radio();
            List<String> categoryIds = sameGroups ? base.categoryIds() : groups.ids(fields.groups(), fields.radio());
            int desiredNumber = base.number();
            Integer chno = fields.number();
            if (chno != null && chno != base.number()) {
                if (numbers.take(chno)) {
                    desiredNumber = chno; // reserved now, so that no other entry of this import wants it too
                } else if (!Objects.equals(before.tvgChno(), entry.tvgChno())) {
                    problems.add(line, "tvg-chno " + chno + " is already used; channel " + link.channelId()
                            + " keeps its number");
                }
            }
            ChannelDraft desired = new ChannelDraft(link.channelId(), desiredNumber, fields.name(), fields.logo(),
                    categoryIds, fields.epgChannelId(), fields.sources(), fields.archiveDays(), fields.radio(),
                    fields.enabled());
            return new Wanted(match, position, line, link, desired, groups.drainCreated());
        }

        private void planMatch(Wanted wanted, Channel channel) {
            EntryMatch match = wanted.match();
            PlaylistEntry entry = match.current();
            ImportLink link = wanted.link();
            ChannelDraft desired = wanted.desired();
            ImportLink next = new ImportLink(source, entryKey(entry), textOf(entry), wanted.position(), wanted.line(),
                    true, desired);
            if (channel == null) { // the import wants what it wanted last time: the channel stays as it is
                if (!next.equals(link)) {
                    plan(new Op(null, null, null, next, wanted.categories()));
                }
                unchanged++;
                return;
            }
            ChannelDraft base = link.applied();
            ChannelDraft current = channel.draft();
            var notes = new ArrayList<>(match.changes());
            if (!link.present()) {
                notes.add("back in the playlist");
            }
            ThreeWay merge = new ThreeWay(notes);
            ChannelDraft merged = new ChannelDraft(channel.id(),
                    merge.merge("number", base.number(), current.number(), desired.number()),
                    merge.merge("name", base.name(), current.name(), desired.name()),
                    merge.merge("logo", base.logo(), current.logo(), desired.logo()),
                    merge.merge("categories", base.categoryIds(), current.categoryIds(), desired.categoryIds()),
                    merge.merge("EPG channel id", base.epgChannelId(), current.epgChannelId(), desired.epgChannelId()),
                    merge.merge("sources", base.sources(), current.sources(), desired.sources()),
                    merge.merge("archive days", base.archiveDays(), current.archiveDays(), desired.archiveDays()),
                    merge.merge("radio flag", base.radio(), current.radio(), desired.radio()),
                    merge.merge("enabled flag", base.enabled(), current.enabled(), desired.enabled()),
                    current.encrypted()); // a playlist says nothing of encryption: the operator's choice stays
            boolean channelChanges = !merged.equals(current);
            if (channelChanges || !next.equals(link)) {
                plan(new Op(null, channelChanges ? new ChannelUpdate(channel.version(), merged) : null, null, next,
                        wanted.categories()));
            }
            var change = new ChannelChange(channel.id(), merged.number(), merged.name(), current.name(), wanted.line(),
                    notes);
            if (match.renamed()) {
                renamed.add(change);
            } else if (!match.changes().isEmpty() || !link.present() || channelChanges) {
                updated.add(change);
            } else {
                unchanged++;
            }
        }

        private void planAdded(List<PlaylistEntry> newEntries, Map<PlaylistEntry, Integer> index) {
            var fieldsOf = new ArrayList<EntryFields>(newEntries.size());
            var numberOf = new ArrayList<Integer>(newEntries.size());
            for (PlaylistEntry entry : newEntries) {
                long line = lines.get(index.get(entry));
                EntryFields fields = EntryFields.of(entry, header, message -> problems.add(line, message));
                fieldsOf.add(fields);
                Integer number = null;
                if (fields.number() != null) {
                    if (numbers.take(fields.number())) {
                        number = fields.number();
                    } else {
                        problems.add(line, "tvg-chno " + fields.number() + " is already used; the next free number is used");
                    }
                }
                numberOf.add(number);
            }
            Set<String> ids = new HashSet<>(store.channelIds());
            for (int i = 0; i < newEntries.size(); i++) {
                EntryFields fields = fieldsOf.get(i);
                PlaylistEntry entry = newEntries.get(i);
                int position = index.get(entry);
                long line = lines.get(position);
                int number = numberOf.get(i) != null ? numberOf.get(i) : numbers.next();
                String id = Slugs.unique(Slugs.of(fields.name(), "channel"), ids);
                ChannelDraft draft = new ChannelDraft(id, number, fields.name(), fields.logo(),
                        groups.ids(fields.groups(), fields.radio()), fields.epgChannelId(), fields.sources(),
                        fields.archiveDays(), fields.radio(), fields.enabled());
                ImportLink link = new ImportLink(source, entryKey(entry), textOf(entry), position, line, true, draft);
                plan(new Op(draft, null, null, link, groups.drainCreated()));
                added.add(new ChannelChange(id, number, draft.name(), draft.name(), line, List.of()));
            }
        }

        private void planRemoved(ImportLink link, Channel channel) {
            if (options.deleteRemoved()) {
                plan(new Op(null, null, channel.id(), null, List.of()));
                removed.add(new ChannelChange(channel.id(), channel.number(), channel.name(), channel.name(), link.line(),
                        List.of("deleted")));
                return;
            }
            var notes = new ArrayList<String>();
            ChannelDraft base = link.applied();
            boolean enabled = new ThreeWay(notes).merge("enabled flag", base.enabled(), channel.enabled(), false);
            ChannelDraft merged = channel.draft().withEnabled(enabled);
            if (!enabled) {
                notes.add("disabled");
            }
            ImportLink next = new ImportLink(source, link.entryKey(), link.entry(), link.position(), link.line(), false,
                    base.withEnabled(false));
            plan(new Op(null, merged.equals(channel.draft()) ? null : new ChannelUpdate(channel.version(), merged),
                    null, next, List.of()));
            removed.add(new ChannelChange(channel.id(), channel.number(), channel.name(), channel.name(), link.line(), notes));
        }

        /** Keeps a write; once a batch is full (and this is no dry run), writes it, so that the plan never piles up. */
        private void plan(Op op) {
            ops.add(op);
            if (!options.dryRun() && ops.size() >= options.batchSize()) {
                flush();
            }
        }

        private void flush() {
            if (ops.isEmpty()) {
                return;
            }
            var batchCategories = new ArrayList<Category>();
            var creates = new ArrayList<ChannelDraft>();
            var updates = new ArrayList<ChannelUpdate>();
            var deletes = new ArrayList<String>();
            var links = new ArrayList<ImportLink>();
            for (Op op : ops) {
                batchCategories.addAll(op.categories());
                if (op.create() != null) {
                    creates.add(op.create());
                }
                if (op.update() != null) {
                    updates.add(op.update());
                }
                if (op.delete() != null) {
                    deletes.add(op.delete());
                }
                if (op.link() != null) {
                    links.add(op.link());
                }
            }
            store.apply(new ImportBatch(source, batchCategories, creates, updates, deletes, links));
            ops.clear();
        }

        private void write() {
            flush();
            String headerLine = M3uWriter.toText(new Playlist(header, List.of())).strip();
            store.recordSource(new ImportSourceRecord(source, location, headerLine, entries.size(), clock.instant()));
        }
    }
}
