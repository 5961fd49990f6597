package headwater.domain.epg;

import java.util.List;

/**
 * What an import read. Skipped programmes and channels (a bad time, no {@code channel} attribute, an oversized value)
 * are counted, and the first ones listed with their line; warnings are things read with a loss (an unknown length
 * unit kept as an extra element, an element outside any channel or programme).
 */
public record XmltvImportReport(long channels, long programmes, long skipped, List<ImportProblem> skippedFirst,
                                long warnings, List<ImportProblem> warningsFirst) {
    public XmltvImportReport {
        skippedFirst = List.copyOf(skippedFirst);
        warningsFirst = List.copyOf(warningsFirst);
    }

    @Override
    public String toString() {
        return channels + " channels, " + programmes + " programmes, " + skipped + " skipped " + skippedFirst
                + ", " + warnings + " warnings " + warningsFirst;
    }
}
