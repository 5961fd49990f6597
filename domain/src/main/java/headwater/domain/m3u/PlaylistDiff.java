package headwater.domain.m3u;

import java.util.List;

/**
 * A re-imported playlist against the entries of the previous import. Every new entry is in exactly one of
 * {@code unchanged}, {@code changed}, {@code renamed}, {@code added}; every previous entry in exactly one of
 * {@code unchanged}, {@code changed}, {@code renamed}, {@code removed}. {@code renamed} entries may have other changes
 * too ({@link EntryMatch#changes()}).
 */
public record PlaylistDiff(
        List<EntryMatch> unchanged,
        List<EntryMatch> changed,
        List<EntryMatch> renamed,
        List<PlaylistEntry> added,
        List<ImportedEntry> removed) {

    public PlaylistDiff {
        unchanged = List.copyOf(unchanged);
        changed = List.copyOf(changed);
        renamed = List.copyOf(renamed);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Matches {@code current} to {@code previous}; see {@link PlaylistMatcher}. */
    public static PlaylistDiff between(List<ImportedEntry> previous, List<PlaylistEntry> current) {
        return PlaylistMatcher.diff(previous, current);
    }

    /** {@code 2050 unchanged, 3 changed, 2 renamed, 4 added, 1 removed}. */
    public String summary() {
        return unchanged.size() + " unchanged, " + changed.size() + " changed, " + renamed.size() + " renamed, "
                + added.size() + " added, " + removed.size() + " removed";
    }
}
