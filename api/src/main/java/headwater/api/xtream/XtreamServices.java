package headwater.api.xtream;

import headwater.api.SessionControl;
import headwater.domain.archive.ArchiveStatus;
import headwater.domain.catalog.CategoryRepository;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.guide.GuideStore;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.SeriesRepository;
import headwater.domain.xtream.XtreamIds;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the Xtream endpoints work with. Built once by the application.
 *
 * @param login    who is asking
 * @param sessions opens the playback sessions the media URLs redirect into
 * @param ids      the protocol's integer numbers for our ids
 * @param archive  what each channel's catch-up archive holds
 * @param stamp    when the catalogue changed; {@link XtreamCatalogueStamp#NONE} makes every request read it afresh
 */
public record XtreamServices(XtreamServer server, XtreamLogin login, SessionControl sessions, XtreamIds ids,
                             ChannelRepository channels, CategoryRepository categories, PackageRepository packages,
                             PlanRepository plans, MovieRepository movies, SeriesRepository series, GuideStore guide,
                             ArchiveStatus archive, Clock clock, XtreamCatalogueStamp stamp) {

    public XtreamServices {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(movies, "movies");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stamp, "stamp");
    }

    /** Without a catalogue stamp: every request reads the catalogue afresh. */
    public XtreamServices(XtreamServer server, XtreamLogin login, SessionControl sessions, XtreamIds ids,
                          ChannelRepository channels, CategoryRepository categories, PackageRepository packages,
                          PlanRepository plans, MovieRepository movies, SeriesRepository series, GuideStore guide,
                          ArchiveStatus archive, Clock clock) {
        this(server, login, sessions, ids, channels, categories, packages, plans, movies, series, guide, archive,
                clock, XtreamCatalogueStamp.NONE);
    }
}
