package headwater.domain.epg;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Limits and defaults of an import.
 *
 * @param maxBytes the most XML bytes read (after gzip decompression); more is a fatal error, so neither an endless
 *                 download nor a gzip bomb runs on
 * @param defaultZone the zone of times written without offset
 * @param maxTextLength the most characters of one text or attribute value; a programme or channel with a longer one
 *                      is skipped (a 10 MB title is not a title)
 * @param maxReportedProblems how many skipped elements and warnings the report lists (all are counted)
 */
public record XmltvReaderOptions(long maxBytes, ZoneId defaultZone, int maxTextLength, int maxReportedProblems) {
    /** 2 GiB of XML, UTC, 64 Ki characters a value, 100 problems listed. */
    public static final XmltvReaderOptions DEFAULTS = new XmltvReaderOptions(2L << 30, ZoneOffset.UTC, 65_536, 100);

    public XmltvReaderOptions {
        Objects.requireNonNull(defaultZone, "defaultZone");
        if (maxBytes <= 0 || maxTextLength <= 0 || maxReportedProblems < 0) {
            throw new IllegalArgumentException("limits must be positive: maxBytes " + maxBytes + ", maxTextLength "
                    + maxTextLength + ", maxReportedProblems " + maxReportedProblems);
        }
    }

    public XmltvReaderOptions withMaxBytes(long value) {
        return new XmltvReaderOptions(value, defaultZone, maxTextLength, maxReportedProblems);
    }

    public XmltvReaderOptions withDefaultZone(ZoneId value) {
        return new XmltvReaderOptions(maxBytes, value, maxTextLength, maxReportedProblems);
    }

    public XmltvReaderOptions withMaxTextLength(int value) {
        return new XmltvReaderOptions(maxBytes, defaultZone, value, maxReportedProblems);
    }
}
