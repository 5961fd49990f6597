package headwater.domain.catalog.importing;

import headwater.domain.m3u.ImportNotice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an import of a playlist did, for the CLI and the API to show: the channels added, updated (their entry
 * changed, or came back), renamed, removed (disabled or deleted), how many were unchanged, and every problem with the
 * line it is about (parse warnings, skipped entries, values of new or changed entries that could not be used; an
 * entry unchanged since the last import had its problems reported then). {@code applied} is false for a dry run.
 *
 * @param problems     the first {@value #MAX_PROBLEMS} problems, by line
 * @param problemCount all problems
 */
public record PlaylistImportReport(String source, long entries, List<ChannelChange> added, List<ChannelChange> updated,
                                   List<ChannelChange> renamed, List<ChannelChange> removed, long unchanged,
                                   List<ImportNotice> problems, long problemCount, boolean applied) {

    public static final int MAX_PROBLEMS = 10_000;

    public PlaylistImportReport {
        Objects.requireNonNull(source, "source");
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        renamed = List.copyOf(renamed);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    /** Nothing to add, change or remove. */
    public boolean noChange() {
        return added.isEmpty() && updated.isEmpty() && renamed.isEmpty() && removed.isEmpty();
    }

    /** {@code free-tv.m3u8: 2059 entries: 2059 added, 0 updated, 0 renamed, 0 removed, 0 unchanged, 1 problem}. */
    public String summary() {
        return source + ": " + entries + " entries: " + added.size() + " added, " + updated.size() + " updated, "
                + renamed.size() + " renamed, " + removed.size() + " removed, " + unchanged + " unchanged, "
                + problemCount + (problemCount == 1 ? " problem" : " problems") + (applied ? "" : " (dry run: nothing written)");
    }

    /** The summary, then one line per change and problem, as the CLI prints it. */
    public List<String> lines() {
        var lines = new ArrayList<String>();
        lines.add(summary());
        added.forEach(c -> lines.add("added    " + c));
        updated.forEach(c -> lines.add("updated  " + c));
        renamed.forEach(c -> lines.add("renamed  " + c));
        removed.forEach(c -> lines.add("removed  " + c));
        problems.forEach(p -> lines.add("problem  " + p));
        if (problemCount > problems.size()) {
            lines.add("problem  ... and " + (problemCount - problems.size()) + " more");
        }
        return lines;
    }
}
