package headwater.domain.m3u;

import java.util.List;
import java.util.Objects;

/**
 * A new entry paired with the previous one it continues.
 *
 * @param changes what differs, in words: {@code title}, {@code url}, {@code attribute tvg-logo}, {@code group},
 *                {@code duration}, {@code #EXTVLCOPT}, {@code #KODIPROP}, {@code http headers}; empty if unchanged
 */
public record EntryMatch(ImportedEntry previous, PlaylistEntry current, MatchRule rule, List<String> changes) {

    public EntryMatch {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(rule, "rule");
        changes = List.copyOf(changes);
    }

    /** The display name changed. */
    public boolean renamed() {
        return !previous.entry().displayName().equals(current.displayName());
    }
}
