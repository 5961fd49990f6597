package headwater.domain.m3u;

import java.util.List;
import java.util.Objects;

/**
 * What one parse did: the header, how many entries it emitted, and what it tolerated (warnings) or left out
 * (skipped entries, each with its reason). The lists hold the first {@link ParseOptions#maxNotices()}; the counts are
 * complete.
 */
public record ImportReport(
        PlaylistHeader header,
        long entries,
        long lines,
        List<ImportNotice> warnings,
        long warningCount,
        List<ImportNotice> skipped,
        long skippedCount) {

    public ImportReport {
        Objects.requireNonNull(header, "header");
        warnings = List.copyOf(warnings);
        skipped = List.copyOf(skipped);
    }

    /** One line for a log or a CLI: {@code 2059 entries from 4119 lines, 0 skipped, 1 warning}. */
    public String summary() {
        return entries + " entries from " + lines + " lines, " + skippedCount + " skipped, " + warningCount
                + (warningCount == 1 ? " warning" : " warnings");
    }
}
