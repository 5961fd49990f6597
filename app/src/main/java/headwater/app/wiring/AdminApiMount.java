package headwater.app.wiring;

import headwater.api.AdminApi;
import headwater.api.ApiTokens;
import headwater.api.BillingControl;
import headwater.api.Argon2PasswordHasher;
import headwater.api.MediaRepositories;
import headwater.api.Repositories;
import headwater.api.SessionControl;
import headwater.api.auth.WebAuthentication;
import headwater.api.xtream.PlaylistTokens;
import headwater.app.audit.SecurityChainHasher;
import headwater.delivery.Mount;
import headwater.domain.audit.AuditLog;
import headwater.domain.protect.FieldCipher;
import headwater.domain.session.SigningKeys;
import headwater.store.Database;
import headwater.store.apitoken.JdbiApiTokenRepository;
import headwater.store.identity.JdbiAccountRepository;
import headwater.store.identity.JdbiSubscriberTotpRepository;
import headwater.store.identity.JdbiWebSessionRepository;
import headwater.store.audit.JdbiAuditLog;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.subscriber.JdbiContactRepository;
import headwater.store.subscriber.JdbiDeviceRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiResellerRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import headwater.store.xtream.JdbiPlaylistTokenRepository;
import java.time.Clock;

/**
 * The admin API ({@link AdminApi}, under {@value AdminApi#BASE}) on the store's repositories, mounted on the delivery
 * server's port. Nothing is made at start: no account, no token, no key. Callers authenticate with a web session or
 * an API token made by {@code headwater admin token create} (or by an admin through the API).
 *
 * @param mount for {@code DeliveryServer.mount}, before the server starts
 */
public record AdminApiMount(Mount mount) {

    /** The API without session control (opening a session answers 503). */
    public static AdminApiMount on(Database database, FieldCipher cipher, Clock clock) {
        return on(database, cipher, new JdbiAuditLog(database, SecurityChainHasher.INSTANCE), clock,
                TokenKeys.signingKeys(database, cipher, TokenKeys.DEFAULT_LIFETIME, clock), SessionControl.NONE,
                WebAuthentication.NONE);
    }

    /**
     * The API with the token signing keys the server works with ({@link TokenKeys}), its session control and web
     * sessions ({@link WebLogins}, tried before API tokens); secrets and personal data sealed by {@code cipher};
     * every mutation through the API, and every refused one, recorded in, and listed from, {@code audit}.
     */
    public static AdminApiMount on(Database database, FieldCipher cipher, AuditLog audit, Clock clock,
                                   SigningKeys tokenKeys, SessionControl sessions, WebAuthentication web) {
        return on(database, cipher, audit, clock, tokenKeys, sessions, web, null);
    }

    /** As above, with billing ({@code /api/v1/billing/...}) when {@code billing} is not null. */
    public static AdminApiMount on(Database database, FieldCipher cipher, AuditLog audit, Clock clock,
                                   SigningKeys tokenKeys, SessionControl sessions, WebAuthentication web,
                                   BillingControl billing) {
        Repositories repositories = new Repositories(new JdbiChannelRepository(database, clock),
                new JdbiCategoryRepository(database), new JdbiPackageRepository(database),
                new JdbiPlanRepository(database), new JdbiSubscriberRepository(database, clock),
                new JdbiResellerRepository(database, clock), new JdbiDeviceRepository(database),
                new Argon2PasswordHasher());
        ApiTokens tokens = new ApiTokens(new JdbiApiTokenRepository(database), clock);
        MediaRepositories media = new MediaRepositories(new JdbiMovieRepository(database, clock),
                new JdbiSeriesRepository(database, clock), new JdbiGuideSourceRepository(database, clock));
        // the same store the Xtream side checks get.php?token= against: a token made here opens the playlist
        PlaylistTokens playlistTokens = new PlaylistTokens(new JdbiPlaylistTokenRepository(database), clock);
        AdminApi api = new AdminApi(repositories, media, tokens, tokenKeys, sessions, playlistTokens, clock, web,
                audit)
                .withContacts(new JdbiContactRepository(database, cipher, clock))
                .withAudit(audit)
                .withAccounts(new JdbiAccountRepository(database, cipher), new JdbiWebSessionRepository(database))
                .withSubscriberTotps(new JdbiSubscriberTotpRepository(database, cipher));
        if (billing != null) {
            api = api.withBilling(billing);
        }
        return new AdminApiMount(new Mount(AdminApi.PREFIX, api::router));
    }
}
