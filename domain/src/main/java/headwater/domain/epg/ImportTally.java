package headwater.domain.epg;

import java.util.ArrayList;
import java.util.List;

/** The counts and first problems of one import, turned into an {@link XmltvImportReport} at its end. */
final class ImportTally {
    private final int maxListed;
    long channels;
    long programmes;
    private long skipped;
    private long warnings;
    private final List<ImportProblem> skippedFirst = new ArrayList<>();
    private final List<ImportProblem> warningsFirst = new ArrayList<>();

    ImportTally(int maxListed) {
        this.maxListed = maxListed;
    }

    void skip(long line, String element, String reason) {
        skipped++;
        if (skippedFirst.size() < maxListed) {
            skippedFirst.add(new ImportProblem(line, element, reason));
        }
    }

    void warn(long line, String element, String reason) {
        warnings++;
        if (warningsFirst.size() < maxListed) {
            warningsFirst.add(new ImportProblem(line, element, reason));
        }
    }

    XmltvImportReport report() {
        return new XmltvImportReport(channels, programmes, skipped, skippedFirst, warnings, warningsFirst);
    }
}
