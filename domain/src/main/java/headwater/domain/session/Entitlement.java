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
 *   <li>the target exists and is enabled ({@link Denial#TARGET_UNKNOWN}): a {@link ChannelEntry} of the target's
 *       channel for a live or archive target, a {@link VodEntry} of the film or episode for a VOD target;</li>
 *   <li>one of its packages is the subscriber's or their plan's ({@link Denial#NOT_IN_PACKAGES}; an episode's packages
 *       are its series');</li>
 *   <li>an archive window lies in the channel's catch-up ({@link Denial#OUTSIDE_ARCHIVE}): the channel keeps
 *       {@link ChannelEntry#archiveDays()} &gt; 0, and the window starts no earlier than that many days before now and
 *       not after now (it may reach past now: it is played as it is recorded);</li>
 *   <li>the output format is one of the subscriber's ({@link Denial#FORMAT_NOT_ALLOWED}); a film or episode is a
 *       file served with byte ranges, neither HLS nor a TS stream, so VOD targets skip this rule;</li>
 *   <li>the client's address lies in the subscriber's allowed networks; none means anywhere, and an unknown address
 *       with a non-empty list is refused ({@link Denial#NETWORK_NOT_ALLOWED});</li>
 *   <li>the rendition. Live: one that fits the plan's best quality ({@link Denial#QUALITY_NOT_ALLOWED}): of the channel
 *       itself and its {@link ChannelEntry#renditionIds()}, those the {@link RenditionMeter} has measured, the best
 *       quality the plan admits (no plan, no cap), the channel itself before its renditions at equal quality. When
 *       none of them has measured anything yet, the channel is served as itself with the default bitrate and its
 *       quality unchecked. An archive window and a film or episode are served as they were recorded or stored: the
 *       item itself, with no choice and no quality cap; an archive reserves the channel's measured bitrate (the
 *       default until it has one), a film or episode its probed bitrate ({@link VodEntry#bitsPerSecond()}, the default
 *       when unknown).</li>
 * </ol>
 * Pure: no I/O, safe from any thread.
 */
public final class Entitlement {

    /** The target duration assumed for a channel that has not published a segment yet (the headend allows 1-30 s). */
    public static final Duration UNMEASURED_TARGET_DURATION = Duration.ofSeconds(10);

    /**
     * What a film or episode counts as its target duration (a session goes idle after two): a player reads a file
     * ahead in large ranges and may then be silent for a while, so longer than a live channel's.
     */
    public static final Duration VOD_TARGET_DURATION = Duration.ofSeconds(30);

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
         * @param measured  false when nothing was measured yet: then the rendition is the target itself with the
         *                  default bitrate, {@link #UNMEASURED_TARGET_DURATION} (a film's or episode's:
         *                  {@link #VOD_TARGET_DURATION}) and a placeholder quality of SD
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
     * @param target     what the directory knows of the requested target (a channel for live and archive targets, a
     *                   film or episode for VOD ones), or null when unknown
     */
    public Decision decide(Subscriber subscriber, Plan plan, TargetEntry target, SessionRequest request,
                           Instant now) {
        Optional<Denial> refusal = refusal(subscriber, plan, target, request, now);
        if (refusal.isPresent()) {
            return new Decision.Denied(refusal.get());
        }
        return switch (request.target()) {
            case PlaybackTarget.Live live -> rendition((ChannelEntry) target, plan);
            case PlaybackTarget.Archive archive -> archived((ChannelEntry) target);
            case PlaybackTarget.Movie movie -> stored((VodEntry) target);
            case PlaybackTarget.Episode episode -> stored((VodEntry) target);
        };
    }

    /** Rules 1 to 6 (all but the rendition): the first that fails, or empty. */
    public Optional<Denial> refusal(Subscriber subscriber, Plan plan, TargetEntry target, SessionRequest request,
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
        if (target == null || !target.enabled() || !names(target, request.target())) {
            return Optional.of(Denial.TARGET_UNKNOWN);
        }
        if (!inPackages(target, subscriber, plan)) {
            return Optional.of(Denial.NOT_IN_PACKAGES);
        }
        if (request.target() instanceof PlaybackTarget.Archive archive
                && !inArchive(archive, ((ChannelEntry) target).archiveDays(), now)) {
            return Optional.of(Denial.OUTSIDE_ARCHIVE);
        }
        if (isChannel(request.target()) && !subscriber.outputFormats().contains(request.format())) {
            return Optional.of(Denial.FORMAT_NOT_ALLOWED);
        }
        if (!subscriber.allowedNetworks().isEmpty()
                && (request.clientAddress() == null || !subscriber.draft().allowsAddress(request.clientAddress()))) {
            return Optional.of(Denial.NETWORK_NOT_ALLOWED);
        }
        return Optional.empty();
    }

    /** Rule 7 for a live channel: the rendition to serve of an entitled {@code channel} under {@code plan} (null: no cap). */
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

    /**
     * Whether an archive window lies in a catch-up of {@code archiveDays}: it starts no earlier than that many days
     * before {@code now}, and not after {@code now}.
     */
    static boolean inArchive(PlaybackTarget.Archive window, int archiveDays, Instant now) {
        return archiveDays > 0 && !window.start().isAfter(now)
                && !window.start().isBefore(now.minus(Duration.ofDays(archiveDays)));
    }

    /** An archive window: the channel's recording itself, at its measured bitrate once it has one. */
    private Decision archived(ChannelEntry channel) {
        Optional<Rendition> measured = meter.rendition(channel.id());
        return measured.isPresent() ? new Decision.Granted(measured.get(), true)
                : new Decision.Granted(new Rendition(channel.id(), defaultBitsPerSecond, Quality.SD,
                        UNMEASURED_TARGET_DURATION), false);
    }

    /** A film or episode: the file itself, at its probed bitrate when known. */
    private Decision stored(VodEntry item) {
        boolean known = item.bitsPerSecond() > 0;
        return new Decision.Granted(new Rendition(item.id(), known ? item.bitsPerSecond() : defaultBitsPerSecond,
                Quality.SD, VOD_TARGET_DURATION), known);
    }

    private static boolean isChannel(PlaybackTarget target) {
        return target instanceof PlaybackTarget.Live || target instanceof PlaybackTarget.Archive;
    }

    /** Whether the directory's entry is the one the target names, of the right kind. */
    private static boolean names(TargetEntry entry, PlaybackTarget target) {
        boolean kind = isChannel(target) ? entry instanceof ChannelEntry : entry instanceof VodEntry;
        return kind && entry.id().equals(target.id());
    }

    private static boolean inPackages(TargetEntry target, Subscriber subscriber, Plan plan) {
        for (String packageId : target.packageIds()) {
            if (subscriber.packageIds().contains(packageId) || plan != null && plan.packageIds().contains(packageId)) {
                return true;
            }
        }
        return false;
    }
}
