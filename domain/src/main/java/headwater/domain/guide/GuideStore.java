package headwater.domain.guide;

import headwater.domain.epg.XmltvWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored guide. Each source's guide is a generation: an import writes a new one ({@link #begin}) that nobody
 * sees until {@link GuideLoad#commit} makes it the source's current one in one short transaction; the old one is
 * then deleted in small batches. Readers therefore see the old or the new guide of a source, never a mix.
 *
 * <p>Every query merges the current guides of all enabled sources by {@link GuideMerge}'s rule.
 */
public interface GuideStore {

    /**
     * Starts an import of {@code sourceId}: a new, invisible generation.
     *
     * @throws headwater.domain.catalog.NotFoundException the source does not exist
     */
    GuideLoad begin(String sourceId);

    /** What the channel shows at {@code at} and next. */
    NowNext nowNext(String channelId, Instant at);

    /** {@link #nowNext(String, Instant)} for many channels at once; every asked id is a key of the result. */
    Map<String, NowNext> nowNext(Collection<String> channelIds, Instant at);

    /**
     * The channel's programmes that overlap {@code [from, to)}, in start order, at most {@code limit}: what the
     * Xtream API's {@code get_short_epg} and {@code get_simple_data_table} answer from.
     */
    List<GuideEntry> range(String channelId, Instant from, Instant to, int limit);

    /**
     * Writes the merged guide: one XMLTV channel per catalogue channel that has a guide (its id is the catalogue
     * channel's EPG channel id, else the XMLTV id of its highest-priority source), and every XMLTV channel that
     * matches no catalogue channel under its own id; then their programmes. Streams; the caller closes the writer.
     */
    void export(XmltvWriter writer) throws IOException;

    /**
     * Writes the guide of the given catalogue channels only (a subscriber's, for the Xtream {@code xmltv.php}): each
     * channel that has a guide under its EPG channel id, else under its own id (the {@code tvg-id} the playlist
     * export gives it); no XMLTV channel that matches no catalogue channel. Streams; the caller closes the writer.
     */
    default void export(XmltvWriter writer, Set<String> channelIds) throws IOException {
        throw new UnsupportedOperationException("this guide store cannot export a selection of channels");
    }

    /**
     * Retention: deletes the programmes of current guides that end at or before {@code keepFrom} or start at or
     * after {@code keepUntil}, in small transactions.
     *
     * @return how many were deleted
     */
    long purge(Instant keepFrom, Instant keepUntil);

    /**
     * Deletes replaced and abandoned generations in small transactions: those replaced by a newer import, those of
     * deleted sources and failed imports, and unfinished ones started before {@code staleBefore} (a crashed import).
     *
     * @return how many generations were removed
     */
    int collectGarbage(Instant staleBefore);

    /**
     * Matches the XMLTV channels of every current guide to the catalogue again (after channels were added, renamed
     * or given an EPG channel id), without re-importing.
     *
     * @return how many links (catalogue channel to XMLTV channel) there are now
     */
    long relink(ChannelMatcher matcher);
}
