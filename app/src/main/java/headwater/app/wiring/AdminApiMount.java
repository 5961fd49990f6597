package headwater.app.wiring;

import headwater.api.AdminApi;
import headwater.api.AdminKeys;
import headwater.api.Argon2PasswordHasher;
import headwater.api.MediaRepositories;
import headwater.api.Repositories;
import headwater.api.SessionControl;
import headwater.delivery.Mount;
import headwater.domain.session.SigningKeys;
import headwater.store.Database;
import headwater.store.apikey.JdbiApiKeyRepository;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.subscriber.JdbiDeviceRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiResellerRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * The admin API ({@link AdminApi}, under {@value AdminApi#BASE}) on the store's repositories, mounted on the delivery
 * server's port. At first start (no admin key stored yet) it makes one; the caller prints it once and it is never
 * shown again (only its digest is stored).
 *
 * @param mount    for {@code DeliveryServer.mount}, before the server starts
 * @param firstKey the key made now, or empty when one existed
 */
public record AdminApiMount(Mount mount, Optional<String> firstKey) {

    /** The API without session control (opening a session answers 503). */
    public static AdminApiMount on(Database database, Clock clock) {
        return on(database, clock, TokenKeys.signingKeys(database, TokenKeys.DEFAULT_LIFETIME, clock));
    }

    /** As {@link #on(Database, Clock)}, with the token signing keys the server works with ({@link TokenKeys}). */
    public static AdminApiMount on(Database database, Clock clock, SigningKeys tokenKeys) {
        return on(database, clock, tokenKeys, SessionControl.NONE);
    }

    /** As {@link #on(Database, Clock, SigningKeys)}, with the server's session control. */
    public static AdminApiMount on(Database database, Clock clock, SigningKeys tokenKeys, SessionControl sessions) {
        Repositories repositories = new Repositories(new JdbiChannelRepository(database, clock),
                new JdbiCategoryRepository(database), new JdbiPackageRepository(database),
                new JdbiPlanRepository(database), new JdbiSubscriberRepository(database, clock),
                new JdbiResellerRepository(database, clock), new JdbiDeviceRepository(database),
                new Argon2PasswordHasher());
        AdminKeys keys = new AdminKeys(new JdbiApiKeyRepository(database, clock), clock);
        Optional<String> first = keys.ensureKey();
        MediaRepositories media = new MediaRepositories(new JdbiMovieRepository(database, clock),
                new JdbiSeriesRepository(database, clock), new JdbiGuideSourceRepository(database, clock));
        AdminApi api = new AdminApi(repositories, media, keys, tokenKeys, sessions);
        return new AdminApiMount(new Mount(AdminApi.PREFIX, api::router), first);
    }

    /** The key is a secret: never in a log line or a dump of this record. */
    @Override
    public String toString() {
        return "AdminApiMount[" + mount.pathPrefix() + ", firstKey=" + (firstKey.isPresent() ? "***" : "none") + "]";
    }
}
