package headwater.domain.guide;

import headwater.domain.epg.XmltvImportReport;
import java.time.Duration;
import java.util.List;

/**
 * What an import stored.
 *
 * @param generation       the generation that is now the source's guide
 * @param channels         XMLTV channels stored (declared ones and those only named by programmes)
 * @param programmesRead   programmes the reader handed over
 * @param programmesStored programmes in the stored guide
 * @param duplicates       programmes replaced by a later one with the same channel and start
 * @param truncated        programmes cut short by the next one's start
 * @param openEnded        programmes without stop, given one
 * @param outsideRetention programmes dropped by the retention window
 * @param unmatched        XMLTV channels that feed no catalogue channel
 * @param unmatchedFirst   the ids of the first of them
 * @param links            catalogue channels this source now feeds, with how each was matched
 * @param xmltv            the reader's report: skipped elements and warnings with their lines
 */
public record GuideImportReport(String sourceId, long generation, long channels, long programmesRead,
                                long programmesStored, long duplicates, long truncated, long openEnded,
                                long outsideRetention, long unmatched, List<String> unmatchedFirst,
                                List<ChannelLink> links, XmltvImportReport xmltv, Duration took) {

    public GuideImportReport {
        unmatchedFirst = List.copyOf(unmatchedFirst);
        links = List.copyOf(links);
    }

    @Override
    public String toString() {
        return "guide source " + sourceId + ": " + channels + " channels (" + unmatched + " unmatched"
                + (unmatchedFirst.isEmpty() ? "" : " " + unmatchedFirst) + "), " + links.size()
                + " catalogue channels fed; " + programmesStored + " programmes stored of " + programmesRead + " read ("
                + duplicates + " duplicates, " + truncated + " truncated, " + openEnded + " without stop, "
                + outsideRetention + " outside retention, " + xmltv.skipped() + " skipped) in " + took.toMillis()
                + " ms";
    }
}
