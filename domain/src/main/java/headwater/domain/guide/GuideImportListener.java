package headwater.domain.guide;

import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.Programme;
import headwater.domain.epg.XmltvListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams one guide into a {@link GuideLoad}: shifts each programme, runs each channel's programmes through its
 * {@link ProgrammeTimeline}, drops those outside the retention window and writes the rest in batches. Memory holds
 * one pending programme and a few counters per XMLTV channel, and one batch.
 *
 * <p>A channel whose programmes arrive out of start order is written as read and put in order at the end, from the
 * store, one channel at a time.
 */
final class GuideImportListener implements XmltvListener {

    private static final int CHANNEL_BATCH = 500;
    private static final int UNMATCHED_LISTED = 20;

    private final GuideLoad load;
    private final Duration shift;
    private final GuideImportOptions options;
    private final Instant now;
    private final ChannelMatcher matcher;
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final List<GuideChannel> channelBatch = new ArrayList<>();
    private final List<StagedProgramme> programmeBatch = new ArrayList<>();
    private final ProgrammeTimeline.Tally tally = new ProgrammeTimeline.Tally();
    private long read;
    private long outsideRetention;

    GuideImportListener(GuideLoad load, Duration shift, GuideImportOptions options, Instant now,
                        ChannelMatcher matcher) {
        this.load = load;
        this.shift = shift;
        this.options = options;
        this.now = now;
        this.matcher = matcher;
    }

    @Override
    public void channel(EpgChannel channel) {
        Feed feed = feed(channel.id());
        feed.declared = true;
        feed.names = new EpgChannel(channel.id(), channel.displayNames(), List.of(), List.of(), List.of(), List.of());
        channelBatch.add(new GuideChannel(channel, feed.position, true));
        if (channelBatch.size() >= CHANNEL_BATCH) {
            flushChannels();
        }
    }

    @Override
    public void programme(Programme programme) {
        read++;
        Programme p = shift.isZero() ? programme : programme.retimed(programme.channelId(),
                programme.start().plus(shift), programme.stop() == null ? null : programme.stop().plus(shift));
        Feed feed = feed(p.channelId());
        if (!feed.unordered) {
            Instant last = feed.timeline.lastStart();
            if (last == null || !p.start().isBefore(last)) {
                feed.timeline.add(p);
                return;
            }
            feed.timeline.finish();
            feed.unordered = true;
        }
        // Out of order: written as read (retention and the timeline rules are applied when it is put in order).
        Instant stop = p.stop() != null ? p.stop() : feed.timeline.assumedStop(p);
        write(feed, new StagedProgramme(p.retimed(p.channelId(), p.start(), stop), p.stop() == null), false);
    }

    /** Settles the pending programmes, orders the out-of-order channels, and returns what was stored. */
    Result finish() {
        for (Feed feed : feeds.values()) {
            if (!feed.unordered) {
                feed.timeline.finish();
            }
        }
        flushProgrammes();
        for (Feed feed : feeds.values()) {
            if (feed.unordered) {
                reorder(feed);
            }
        }
        List<EpgChannel> guideChannels = new ArrayList<>();
        for (Feed feed : feeds.values()) {
            if (!feed.declared && feed.stored > 0) {
                channelBatch.add(new GuideChannel(feed.names, feed.position, false));
            }
            if (feed.declared || feed.stored > 0) {
                guideChannels.add(feed.names);
            }
        }
        flushChannels();
        List<ChannelLink> links = matcher.match(guideChannels);
        load.links(links);
        Set<String> linked = new HashSet<>();
        links.forEach(l -> linked.add(l.xmltvId()));
        List<String> unmatchedFirst = new ArrayList<>();
        long unmatched = 0;
        long programmes = 0;
        List<FeedSpan> spans = new ArrayList<>();
        for (EpgChannel c : guideChannels) {
            Feed feed = feeds.get(c.id());
            programmes += feed.stored;
            if (feed.stored > 0) {
                spans.add(new FeedSpan(c.id(), Instant.ofEpochMilli(feed.first), Instant.ofEpochMilli(feed.last),
                        Duration.ofMillis(feed.longest)));
            }
            if (!linked.contains(c.id())) {
                unmatched++;
                if (unmatchedFirst.size() < UNMATCHED_LISTED) {
                    unmatchedFirst.add(c.id());
                }
            }
        }
        return new Result(guideChannels.size(), read, programmes, tally, outsideRetention, unmatched, unmatchedFirst,
                links, spans);
    }

    private void reorder(Feed feed) {
        List<Programme> written = load.programmes(feed.id);
        tally.duplicates += feed.written - written.size();
        feed.resetStats();
        List<StagedProgramme> kept = new ArrayList<>();
        for (StagedProgramme s : ProgrammeTimeline.arrange(written, options.defaultLength(), tally)) {
            if (keeps(s)) {
                kept.add(s);
                feed.note(s);
            }
        }
        load.replaceProgrammes(feed.id, kept);
    }

    private void write(Feed feed, StagedProgramme staged, boolean settled) {
        if (settled && !keeps(staged)) {
            return;
        }
        if (settled) {
            feed.note(staged);
        }
        feed.written++;
        programmeBatch.add(staged);
        if (programmeBatch.size() >= options.batchSize()) {
            flushProgrammes();
        }
    }

    private boolean keeps(StagedProgramme s) {
        if (options.retention().keeps(s.programme().start(), s.programme().stop(), now)) {
            return true;
        }
        outsideRetention++;
        return false;
    }

    private void flushProgrammes() {
        if (!programmeBatch.isEmpty()) {
            load.programmes(List.copyOf(programmeBatch));
            programmeBatch.clear();
        }
    }

    private void flushChannels() {
        if (!channelBatch.isEmpty()) {
            load.channels(List.copyOf(channelBatch));
            channelBatch.clear();
        }
    }

    private Feed feed(String id) {
        return feeds.computeIfAbsent(id, k -> new Feed(k, feeds.size()));
    }

    /** One XMLTV channel's state during the import. */
    private final class Feed {
        final String id;
        final int position;
        final ProgrammeTimeline timeline;
        EpgChannel names;
        boolean declared;
        boolean unordered;
        long written;
        long stored;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long longest;

        Feed(String id, int position) {
            this.id = id;
            this.position = position;
            this.names = new EpgChannel(id, List.of(), List.of(), List.of(), List.of(), List.of());
            this.timeline = new ProgrammeTimeline(options.defaultLength(), tally, s -> write(this, s, true));
        }

        void note(StagedProgramme s) {
            long start = s.programme().start().toEpochMilli();
            long stop = s.programme().stop().toEpochMilli();
            stored++;
            first = Math.min(first, start);
            last = Math.max(last, stop);
            longest = Math.max(longest, stop - start);
        }

        void resetStats() {
            stored = 0;
            first = Long.MAX_VALUE;
            last = Long.MIN_VALUE;
            longest = 0;
        }
    }

    /** What the import stored, for its report and outcome. */
    record Result(long channels, long read, long programmes, ProgrammeTimeline.Tally tally, long outsideRetention,
                  long unmatched, List<String> unmatchedFirst, List<ChannelLink> links, List<FeedSpan> spans) {
    }
}
