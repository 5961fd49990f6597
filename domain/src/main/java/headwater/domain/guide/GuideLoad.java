package headwater.domain.guide;

import headwater.domain.epg.Programme;
import java.util.Collection;
import java.util.List;

/**
 * One import's new generation of a source's guide, written in batches (each its own short transaction) and invisible
 * until {@link #commit}. Not thread-safe: one import thread uses it.
 */
public interface GuideLoad extends AutoCloseable {

    /** The generation's id: increases with every import. */
    long generation();

    /** Stores XMLTV channels, or replaces those with the same id. */
    void channels(List<GuideChannel> channels);

    /** Records which catalogue channels the generation's XMLTV channels feed. */
    void links(List<ChannelLink> links);

    /** Stores programmes whose stop is final, or replaces those of the same channel and start. */
    void programmes(List<StagedProgramme> programmes);

    /**
     * The programmes stored so far for one XMLTV channel, in start order, with the stop the guide gave ({@code null}
     * for those the guide left open): for channels whose programmes arrived out of order, to be put in order again.
     */
    List<Programme> programmes(String xmltvId);

    /** Replaces every programme of one XMLTV channel. */
    void replaceProgrammes(String xmltvId, List<StagedProgramme> programmes);

    /**
     * Makes this generation the source's current guide and records {@code outcome} on the source, in one
     * transaction; then deletes the previous generation in batches.
     *
     * @param spans the time each XMLTV channel's programmes cover, for {@link GuideMerge}
     * @throws GuideConflictException a newer import of the source was committed first, or the source was deleted
     */
    void commit(Collection<FeedSpan> spans, GuideImportOutcome outcome);

    /** Abandons the generation (nothing of it was ever visible) and deletes what it wrote. No-op after commit. */
    @Override
    void close();
}
