package headwater.app.wiring;

import headwater.api.SessionControl;
import headwater.api.xtream.XtreamApi;
import headwater.api.xtream.XtreamEndpoint;
import headwater.api.xtream.XtreamLogin;
import headwater.api.xtream.XtreamServer;
import headwater.api.xtream.XtreamServices;
import headwater.app.config.XtreamConfig;
import headwater.domain.archive.ArchiveStatus;
import headwater.domain.xtream.XtreamIds;
import headwater.store.Database;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import headwater.store.xtream.JdbiXtreamIds;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The Xtream Codes compatible surface of one server, assembled over the store: what the endpoints work with
 * ({@link XtreamServices}) and the endpoints themselves, as the one {@link XtreamApi} the delivery server falls back
 * to for every request its own routes do not claim.
 */
public final class XtreamSurface {

    private XtreamSurface() {
    }

    /** How the server presents itself to IPTV apps ({@code xtream.*}). */
    public static XtreamServer server(XtreamConfig config) {
        return new XtreamServer(config.publicUrl().orElse(null), config.httpsPort(), config.timeZone(),
                config.message());
    }

    /**
     * Everything the endpoints read, over the store, with the catalogue's change stamp
     * ({@link XtreamCatalogueFingerprint}: the player API keeps what it read until the catalogue changes, seen within
     * a second) and packages as {@link RecentPackages} (the exports' listings may be up to
     * {@link RecentPackages#MAX_AGE} behind the store).
     *
     * @param ids      the protocol's numbers (one instance per server: it caches every number it has seen)
     * @param login    who is asking
     * @param sessions opens the playback sessions media URLs redirect into
     * @param archive  what each channel's catch-up archive holds now
     */
    public static XtreamServices services(XtreamConfig config, Database database, XtreamIds ids, XtreamLogin login,
                                          SessionControl sessions, ArchiveStatus archive, Clock clock) {
        return new XtreamServices(server(config), login, sessions, ids,
                new JdbiChannelRepository(database, clock), new JdbiCategoryRepository(database),
                new RecentPackages(new JdbiPackageRepository(database), clock, RecentPackages.MAX_AGE),
                new JdbiPlanRepository(database),
                new JdbiMovieRepository(database, clock), new JdbiSeriesRepository(database, clock),
                new JdbiGuideStore(database, clock), archive, clock, new XtreamCatalogueFingerprint(database));
    }

    /** The store's numbers for the protocol's integer ids. */
    public static XtreamIds ids(Database database) {
        return new JdbiXtreamIds(database);
    }

    /** Every endpoint, made by {@code endpoints} from the services, as one router. */
    public static XtreamApi api(XtreamServices services, List<Function<XtreamServices, XtreamEndpoint>> endpoints) {
        return new XtreamApi(endpoints.stream().map(make -> make.apply(services)).toList());
    }
}
