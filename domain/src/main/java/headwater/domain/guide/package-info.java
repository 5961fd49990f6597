/**
 * The programme guide as a stored, queried and merged thing: {@link headwater.domain.guide.GuideSource}s (where a
 * guide comes from, its time shift and priority), the {@link headwater.domain.guide.GuideImport} that streams an
 * XMLTV guide into a {@link headwater.domain.guide.GuideStore} as a new generation and switches to it atomically,
 * the rules that match XMLTV channels to catalogue channels ({@link headwater.domain.guide.ChannelMatcher}), make a
 * channel's programmes a timeline players accept ({@link headwater.domain.guide.ProgrammeTimeline}) and merge
 * several sources by priority ({@link headwater.domain.guide.GuideMerge}), and the
 * {@link headwater.domain.guide.GuideRefreshScheduler}. The XMLTV format itself is {@code headwater.domain.epg}.
 */
package headwater.domain.guide;
