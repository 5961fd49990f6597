package headwater.domain.session;

import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Quality;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may watch what: the rules checked when a session opens (and again when an idle one resumes), in this order,
 * the first that fails naming the {@link Denial}:
 * <ol>
 *   <li>the subscriber exists ({@link Denial#SUBSCRIBER_UNKNOWN}), is {@link SubscriberStatus#ACTIVE}
 *       ({@link Denial#SUBSCRIBER_INACTIVE}; status EXPIRED is {@link Denial#SUBSCRIBER_EXPIRED}) and its expiry has
 *       not passed ({@link Denial#SUBSCRIBER_EXPIRED});</li>
 *   <li>the channel exists and is enabled ({@link Denial#TARGET_UNKNOWN});</li>
 *   <li>one of the channel's packages is the subscriber's or their plan's ({@link Denial#NOT_IN_PACKAGES});</li>
 *   <li>the output format is one of the subscriber's ({@link Denial#FORMAT_NOT_ALLOWED});</li>
 *   <li>the client's address lies in the subscriber's allowed networks; none means anywhere, and an unknown address
 *       with a non-empty list is refused ({@link Denial#NETWORK_NOT_ALLOWED});</li>
 *   <li>a rendition fits the plan's best quality ({@link Denial#QUALITY_NOT_ALLOWED}): of the channel itself and its
 *       {@link ChannelEntry#renditionIds()}, those the {@link RenditionMeter} has measured, the best quality the plan
 *       admits (no plan, no cap), the channel itself before its renditions at equal quality. When none of them has
 *       measured anything yet, the channel is served as itself with the default bitrate and its quality unchecked.</li>
 * </ol>
 * Pure: no I/O, safe from any thread.
 */
public final class Entitlement {

    /** The target duration assumed for a channel that has not published a segment yet (the headend allows 1-30 s). */
    public static final Duration UNMEASURED_TARGET_DURATION = Duration.ofSeconds(10);

    private final RenditionMeter meter;
    private final long defaultBitsPerSecond;

    /**
     * @param defaultBitsPerSecond what an unmeasured channel reserves ({@link SessionSettings#defaultBitsPerSecond()})
     */
    public Entitlement(RenditionMeter meter, long defaultBitsPerSecond) {
        this.meter = Objects.requireNonNull(meter, "meter");
        if (defaultBitsPerSecond <= 0) {
            throw new IllegalArgumentException("defaultBitsPerSecond must be positive: " + defaultBitsPerSecond);
        }
        this.defaultBitsPerSecond = defaultBitsPerSecond;
    }

    /** The verdict: a rendition to serve and reserve, or the reason not to. */
    public sealed interface Decision {

        /**
         * @param rendition what to serve; its bitrate is what the session reserves
         * @param measured  false when nothing was measured yet: then the rendition is the channel itself with the
         *                  default bitrate, {@link #UNMEASURED_TARGET_DURATION} and a placeholder quality of SD
         */
        record Granted(Rendition rendition, boolean measured) implements Decision {
            public Granted {
                Objects.requireNonNull(rendition, "rendition");
            }
        }

        record Denied(Denial reason) implements Decision {
            public Denied {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /**
     * @param subscriber the subscriber, or null when unknown
     * @param plan       their plan, or null when they have none (or it is gone)
     * @param channel    the requested channel, or null when unknown
     */
    public Decision decide(Subscriber subscriber, Plan plan, ChannelEntry channel, SessionRequest request,
                           Instant now) {
        Optional<Denial> refusal = refusal(subscriber, plan, channel, request, now);
        if (refusal.isPresent()) {
            return new Decision.Denied(refusal.get());
        }
        return rendition(channel, plan);
    }

    /** Rules 1 to 5 (all but the rendition): the first that fails, or empty. */
    public Optional<Denial> refusal(Subscriber subscriber, Plan plan, ChannelEntry channel, SessionRequest request,
                                    Instant now) {
        if (subscriber == null) {
            return Optional.of(Denial.SUBSCRIBER_UNKNOWN);
        }
        if (subscriber.status() == SubscriberStatus.EXPIRED) {
            return Optional.of(Denial.SUBSCRIBER_EXPIRED);
        }
        if (subscriber.status() != SubscriberStatus.ACTIVE) {
            return Optional.of(Denial.SUBSCRIBER_INACTIVE);
        }
        if (!subscriber.mayWatchAt(now)) {
            return Optional.of(Denial.SUBSCRIBER_EXPIRED);
        }
        if (channel == null || !channel.enabled() || !channel.id().equals(channelId(request.target()))) {
            return Optional.of(Denial.TARGET_UNKNOWN);
        }
        if (!inPackages(channel, subscriber, plan)) {
            return Optional.of(Denial.NOT_IN_PACKAGES);
        }
        if (!subscriber.outputFormats().contains(request.format())) {
            return Optional.of(Denial.FORMAT_NOT_ALLOWED);
        }
        if (!subscriber.allowedNetworks().isEmpty()
                && (request.clientAddress() == null || !subscriber.draft().allowsAddress(request.clientAddress()))) {
            return Optional.of(Denial.NETWORK_NOT_ALLOWED);
        }
        return Optional.empty();
    }

    /** Rule 6 alone: the rendition to serve of an entitled {@code channel} under {@code plan} (null: no cap). */
    public Decision rendition(ChannelEntry channel, Plan plan) {
        List<String> candidates = new ArrayList<>(1 + channel.renditionIds().size());
        candidates.add(channel.id());
        candidates.addAll(channel.renditionIds());
        Map<String, Rendition> measured = new LinkedHashMap<>();
        for (String candidate : candidates) {
            meter.rendition(candidate).ifPresent(rendition -> measured.putIfAbsent(candidate, rendition));
        }
        if (measured.isEmpty()) {
            return new Decision.Granted(new Rendition(channel.id(), defaultBitsPerSecond, Quality.SD,
                    UNMEASURED_TARGET_DURATION), false);
        }
        Quality cap = plan == null ? Quality.UHD : plan.maxQuality();
        Rendition best = null;
        for (Rendition rendition : measured.values()) {
            if (cap.admits(rendition.quality())
                    && (best == null || rendition.quality().compareTo(best.quality()) > 0)) {
                best = rendition;
            }
        }
        return best == null ? new Decision.Denied(Denial.QUALITY_NOT_ALLOWED) : new Decision.Granted(best, true);
    }

    /** The channel id a target plays. */
    static String channelId(PlaybackTarget target) {
        return switch (target) {
            case PlaybackTarget.Live live -> live.channelId();
            case PlaybackTarget.Archive archive -> archive.channelId();
            // VOD entitlement arrives with the Xtream issue; until then a film or episode names no channel.
            case PlaybackTarget.Movie movie -> null;
            case PlaybackTarget.Episode episode -> null;
        };
    }

    private static boolean inPackages(ChannelEntry channel, Subscriber subscriber, Plan plan) {
        for (String packageId : channel.packageIds()) {
            if (subscriber.packageIds().contains(packageId) || plan != null && plan.packageIds().contains(packageId)) {
                return true;
            }
        }
        return false;
    }
}
