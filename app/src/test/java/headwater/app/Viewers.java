package headwater.app;

import headwater.domain.catalog.Package;
import headwater.domain.session.Opening;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRequest;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Entitled viewers for tests that play through the server: every media URL needs a session now. Configuration
 * channels name the package {@value #PACKAGE} ({@link #PACKAGES}); catalogue channels are added to it.
 */
public final class Viewers {

    public static final String PACKAGE = "viewers";
    public static final Set<String> PACKAGES = Set.of(PACKAGE);
    public static final String SUBSCRIBER = "viewer";

    private Viewers() {
    }

    /** Makes (once) the package with these catalogue channels, and the subscriber {@code id} on it. */
    public static void subscriber(HeadwaterServer server, String id, int maxConnections, String... catalogueChannels) {
        JdbiPackageRepository packages = new JdbiPackageRepository(server.database());
        if (packages.find(PACKAGE).isEmpty()) {
            packages.create(Package.of(PACKAGE, "Viewers"));
        }
        if (catalogueChannels.length > 0) {
            packages.addChannels(PACKAGE, List.of(catalogueChannels));
        }
        JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(server.database(), Clock.systemUTC());
        if (subscribers.find(id).isEmpty()) {
            subscribers.create(SubscriberDraft.of(id, id, new PasswordHash(FAKE_HASH)).withPackageIds(PACKAGES)
                    .withMaxConnections(maxConnections));
        }
    }

    private static final String FAKE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$"
            + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    /** A session's token; waits while the channel directory has not seen the channel or the package yet. */
    public static String token(HeadwaterServer server, String subscriber, String channel, OutputFormat format, String device) {
        Opening opening = open(server, subscriber, channel, format, device);
        if (opening instanceof Opening.Opened opened) {
            return opened.session().token();
        }
        throw new AssertionError("no session for " + subscriber + " on " + channel + ": " + opening);
    }

    /** Opens, retrying for 15 s while the channel is unknown or in none of the packages yet (the index follows). */
    public static Opening open(HeadwaterServer server, String subscriber, String channel, OutputFormat format, String device) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Opening opening = server.sessions().service().open(new SessionRequest(subscriber,
                    new PlaybackTarget.Live(channel), format, device, null, "test"));
            boolean notYet = opening instanceof Opening.Denied denied
                    && (denied.reason() == headwater.domain.session.Denial.TARGET_UNKNOWN
                    || denied.reason() == headwater.domain.session.Denial.NOT_IN_PACKAGES);
            if (!notYet || System.nanoTime() > deadline) {
                return opening;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return opening;
            }
        }
    }

    /** The multivariant playlist of a new HLS session of the default viewer (made on first use). */
    public static URI hls(HeadwaterServer server, String channel) {
        subscriber(server, SUBSCRIBER, 50);
        return server.multivariantUrl(token(server, SUBSCRIBER, channel, OutputFormat.HLS, "hls-" + channel), channel);
    }

    /** The MPEG-TS stream of a new TS session of the default viewer (made on first use). */
    public static URI ts(HeadwaterServer server, String channel) {
        subscriber(server, SUBSCRIBER, 50);
        return server.streamUrl(token(server, SUBSCRIBER, channel, OutputFormat.TS, "ts-" + channel), channel);
    }
}
