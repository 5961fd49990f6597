package headwater.app.demo;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.CategoryRepository;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.Season;
import headwater.domain.vod.SeriesDraft;
import headwater.domain.vod.SeriesRepository;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What IPTV apps see of the demo, made once and kept (like {@link DemoAccount}): a catalogue entry for each demo
 * channel (same id as the configuration channel that runs it, with a number, a category, an XMLTV id for the guide
 * and {@code archiveDays} of catch-up; the configuration's channel is the one that plays), a film and a series with
 * one episode made from the loops, all of it in the demo package.
 *
 * @param channelIds the demo channels, in order
 * @param movieId    the demo film
 * @param seriesId   the demo series
 * @param episodeId  its one episode
 */
public record DemoCatalogue(List<String> channelIds, String movieId, String seriesId, String episodeId) {

    public static final String LIVE_CATEGORY = "demo-live";
    public static final String FILM_CATEGORY = "demo-films";
    public static final String SERIES_CATEGORY = "demo-series";
    public static final String MOVIE = "demo-film";
    public static final String SERIES = "demo-series";
    public static final String EPISODE = "demo-series-s01e01";
    private static final int NUMBER_TRIES = 1_000;

    /**
     * Makes what is missing; leaves what exists as the operator may have changed it. Blocking.
     *
     * @param film    the film's file
     * @param episode the episode's file
     */
    public static DemoCatalogue ensure(CategoryRepository categories, ChannelRepository channels,
                                       PackageRepository packages, MovieRepository movies, SeriesRepository series,
                                       List<DemoLoop> loops, int archiveDays, Path film, Path episode) {
        category(categories, LIVE_CATEGORY, "Demo channels", CategoryKind.LIVE);
        category(categories, FILM_CATEGORY, "Demo films", CategoryKind.VOD);
        category(categories, SERIES_CATEGORY, "Demo series", CategoryKind.SERIES);
        for (int i = 0; i < loops.size(); i++) {
            DemoLoop loop = loops.get(i);
            if (channels.find(loop.id()).isEmpty()) {
                createChannel(channels, ChannelDraft.of(loop.id(), i + 1, loop.name())
                        .withCategoryIds(List.of(LIVE_CATEGORY)).withEpgChannelId(loop.id())
                        .withArchiveDays(archiveDays));
            }
        }
        if (movies.find(MOVIE).isEmpty()) {
            movies.create(MovieDraft.of(MOVIE, "Demo film", film.toUri()).withCategoryIds(List.of(FILM_CATEGORY))
                    .withYear(2026));
        }
        if (series.find(SERIES).isEmpty()) {
            series.create(SeriesDraft.of(SERIES, "Demo series").withCategoryIds(List.of(SERIES_CATEGORY)));
            series.saveSeason(new Season(SERIES, 1, "Season 1", null, null));
        }
        if (series.findEpisode(EPISODE).isEmpty()) {
            series.createEpisode(EpisodeDraft.of(EPISODE, SERIES, 1, 1, "Pilot", episode.toUri()));
        }
        List<String> ids = loops.stream().map(DemoLoop::id).toList();
        Package pkg = packages.get(DemoAccount.ID);
        Set<String> channelIds = union(pkg.channelIds(), ids);
        Set<String> movieIds = union(pkg.movieIds(), List.of(MOVIE));
        Set<String> seriesIds = union(pkg.seriesIds(), List.of(SERIES));
        if (!channelIds.equals(pkg.channelIds()) || !movieIds.equals(pkg.movieIds())
                || !seriesIds.equals(pkg.seriesIds())) {
            packages.update(pkg.version(), pkg.withChannelIds(channelIds).withMovieIds(movieIds)
                    .withSeriesIds(seriesIds));
        }
        return new DemoCatalogue(ids, MOVIE, SERIES, EPISODE);
    }

    private static void category(CategoryRepository categories, String id, String name, CategoryKind kind) {
        if (categories.find(id).isEmpty()) {
            categories.create(Category.of(id, name, kind));
        }
    }

    /** Takes the first free channel number from the draft's (an operator's channels may hold 1, 2, 3). */
    private static void createChannel(ChannelRepository channels, ChannelDraft draft) {
        for (int n = draft.number(); n < draft.number() + NUMBER_TRIES && n <= ChannelDraft.MAX_NUMBER; n++) {
            try {
                channels.create(draft.withNumber(n));
                return;
            } catch (DuplicateKeyException e) {
                if (channels.find(draft.id()).isPresent()) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no free channel number for demo channel " + draft.id());
    }

    private static Set<String> union(Set<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
