package headwater.domain.catalog.importing;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.InvalidValueException;
import java.util.Objects;

/**
 * Which channel an entry of an import source became, and what the import last said about it. Re-imports pair new
 * entries with these (by {@link headwater.domain.m3u.StableKeys}) so that the channel, and what the operator attached
 * to it, carries on.
 *
 * @param source   the import source's name (one playlist the operator imports again and again)
 * @param entryKey the entry's stable keys as text ({@link PlaylistImporter#entryKey}); entries may share one
 * @param entry    the entry as M3U text (its {@code #EXTINF}, option and URL lines), every attribute kept
 * @param position the entry's index in the playlist of the last import that had it
 * @param line     the 1-based line of the entry in that playlist
 * @param present  whether the last import had the entry (false: removed, its channel disabled)
 * @param applied  the channel as the import wants it: the base of the three-way merge with the operator's edits
 */
public record ImportLink(String source, String entryKey, String entry, int position, long line, boolean present,
                         ChannelDraft applied) {

    public static final int MAX_SOURCE_LENGTH = 200;

    public ImportLink {
        checkSource(source);
        Objects.requireNonNull(entryKey, "entryKey");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(applied, "applied");
    }

    public String channelId() {
        return applied.id();
    }

    /** The name of an import source: not blank, at most {@value #MAX_SOURCE_LENGTH} characters, no control characters. */
    public static String checkSource(String source) {
        if (source == null || source.isBlank()) {
            throw new InvalidValueException("import", "source", "is blank: name the playlist (its file name or URL)");
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            throw new InvalidValueException("import", "source", "is " + source.length() + " characters long: at most "
                    + MAX_SOURCE_LENGTH + " allowed");
        }
        if (source.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("import", "source", "contains a control character");
        }
        return source;
    }
}
