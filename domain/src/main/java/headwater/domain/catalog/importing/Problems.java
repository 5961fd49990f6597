package headwater.domain.catalog.importing;

import headwater.domain.m3u.ImportNotice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems of one import: the first {@link PlaylistImportReport#MAX_PROBLEMS} kept, all counted. */
final class Problems {

    private final List<ImportNotice> kept = new ArrayList<>();
    private long count;

    void add(long line, String message) {
        count++;
        if (kept.size() < PlaylistImportReport.MAX_PROBLEMS) {
            kept.add(new ImportNotice(line, message));
        }
    }

    /** Notices already kept elsewhere (a parse's), with the full count of which they are the first ones. */
    void addAll(List<ImportNotice> notices, long total) {
        for (ImportNotice notice : notices) {
            add(notice.line(), notice.message());
        }
        count += total - notices.size();
    }

    List<ImportNotice> byLine() {
        return kept.stream().sorted(Comparator.comparingLong(ImportNotice::line)).toList();
    }

    long count() {
        return count;
    }
}
