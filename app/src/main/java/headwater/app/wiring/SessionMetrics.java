package headwater.app.wiring;

import headwater.delivery.Viewer;
import headwater.domain.session.ActiveSession;
import headwater.domain.session.Denial;
import headwater.domain.session.EgressLedger;
import headwater.domain.session.EndReason;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.SessionEvents;
import headwater.domain.session.SessionRequest;
import headwater.domain.session.SessionService;
import headwater.domain.session.SessionState;
import headwater.delivery.DeliveryServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions and egress in metrics, every one tagged with this node:
 * {@code headwater_sessions_active}, {@code headwater_sessions_idle} (this node's),
 * {@code headwater_sessions_opened_total}, {@code headwater_sessions_refused_total{reason}} (denials at opening,
 * refusals of media requests, {@code capacity} for 503), {@code headwater_sessions_ended_total{reason}},
 * {@code headwater_egress_capacity_bits_per_second}, {@code headwater_egress_reserved_bits_per_second{channel}} and
 * {@code headwater_egress_measured_bits_per_second{channel}} (what was served, per second, over the last interval).
 *
 * <p>Also the session service's {@link SessionEvents}: each opening, denial and end is logged here (INFO for
 * openings and ends, DEBUG for denials; subscriber and channel, never a token).
 */
public final class SessionMetrics implements SessionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SessionMetrics.class);

    private final MeterRegistry registry;
    private final Tags node;
    private final Counter opened;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Map<String, Counter> ended = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> servedByChannel = new ConcurrentHashMap<>();
    private final Map<String, Long> lastServed = new HashMap<>();
    private volatile Map<String, Long> measured = Map.of();
    private long lastSample = System.nanoTime();
    private MultiGauge reservedGauge;
    private MultiGauge measuredGauge;
    private EgressLedger egress;

    public SessionMetrics(MeterRegistry registry, String nodeId) {
        this.registry = registry;
        this.node = Tags.of("node", nodeId);
        this.opened = Counter.builder("headwater_sessions_opened").description("sessions opened").tags(node)
                .register(registry);
    }

    /** Gauges over the service's and the ledger's state, once both exist. */
    public void watch(SessionService sessions, EgressLedger ledger) {
        this.egress = ledger;
        Gauge.builder("headwater_sessions_active", sessions, s -> s.localCount(SessionState.ACTIVE))
                .description("sessions served by this node that hold an egress reservation").tags(node).register(registry);
        Gauge.builder("headwater_sessions_idle", sessions, s -> s.localCount(SessionState.IDLE))
                .description("sessions of this node that went silent (slot and reservation released)").tags(node)
                .register(registry);
        Gauge.builder("headwater_egress_capacity_bits_per_second", ledger, EgressLedger::capacity)
                .description("server.egressCapacity").tags(node).register(registry);
        Gauge.builder("headwater_egress_reserved_total_bits_per_second", ledger, EgressLedger::reserved)
                .description("egress reserved by this node's active sessions").tags(node).register(registry);
        reservedGauge = MultiGauge.builder("headwater_egress_reserved_bits_per_second")
                .description("egress reserved per channel (rendition)").tags(node).register(registry);
        measuredGauge = MultiGauge.builder("headwater_egress_measured_bits_per_second")
                .description("media served per channel (rendition) over the last report interval").tags(node)
                .register(registry);
    }

    /**
     * Delivery's own counts: media requests refused before the gate because their token segment cannot be a token
     * ({@code headwater_sessions_refused_total{reason="malformed-path"}}), connections and TS viewers now.
     */
    public void watch(DeliveryServer delivery) {
        FunctionCounter.builder("headwater_sessions_refused", delivery, d -> d.stats().malformedTokens())
                .description("sessions and media requests refused").tags(node).tag("reason", "malformed-path")
                .register(registry);
        FunctionCounter.builder("headwater_delivery_requests", delivery, d -> d.stats().requests())
                .description("HTTP requests delivery answered").tags(node).register(registry);
        Gauge.builder("headwater_delivery_connections", delivery, d -> d.stats().connections())
                .description("HTTP connections open now").tags(node).register(registry);
        Gauge.builder("headwater_delivery_stream_viewers", delivery, d -> d.stats().streamViewers())
                .description("viewers of continuous MPEG-TS streams now").tags(node).register(registry);
    }

    /** Refreshes the per-channel gauges; called with the service's tick. */
    public synchronized void sample() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastSample) / 1e9);
        lastSample = now;
        Map<String, Long> rates = new HashMap<>();
        servedByChannel.forEach((channel, adder) -> {
            long total = adder.sum();
            long before = lastServed.getOrDefault(channel, total);
            lastServed.put(channel, total);
            rates.put(channel, (long) ((total - before) * 8 / seconds));
        });
        measured = Map.copyOf(rates);
        if (measuredGauge != null) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            measured.forEach((channel, bps) -> rows.add(MultiGauge.Row.of(Tags.of("channel", channel), bps)));
            measuredGauge.register(rows, true);
        }
        if (reservedGauge != null && egress != null) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            egress.reservedByChannel().forEach((channel, bps) -> rows.add(MultiGauge.Row.of(Tags.of("channel", channel), bps)));
            reservedGauge.register(rows, true);
        }
    }

    /** What was served per channel (rendition) over the last interval, in bits per second. */
    public Map<String, Long> measured() {
        return measured;
    }

    /**
     * The viewer delivery serves {@code session} to. Its bytes count for the channel it serves (live or archive), or
     * for {@code vod:movie} / {@code vod:episode} as a whole ({@link PlaybackSession#meteredAs()}).
     */
    Viewer viewer(ActiveSession session) {
        String meteredAs = session.session().meteredAs();
        LongAdder bytes = servedByChannel.get(meteredAs);
        if (bytes == null) {
            bytes = servedByChannel.computeIfAbsent(meteredAs, c -> new LongAdder());
        }
        return new SessionViewer(session, bytes);
    }

    void refused(SessionGate.Refusal reason) {
        count(refused, "headwater_sessions_refused", slug(reason.name()), "sessions and media requests refused");
    }

    /** A media request of an idle session found no egress room when resuming (503). */
    void busy() {
        count(refused, "headwater_sessions_refused", "capacity", "sessions and media requests refused");
    }

    @Override
    public void opened(PlaybackSession session) {
        opened.increment();
        LOG.info("session {}… opened: subscriber {}, {} as {} ({}), device {}", SessionGate.shortId(session.id()),
                session.subscriberId(), session.target().scope(), session.rendition(), session.format(),
                session.deviceKey());
    }

    @Override
    public void denied(Denial reason, SessionRequest request) {
        count(refused, "headwater_sessions_refused", slug(reason.name()), "sessions and media requests refused");
        LOG.info("session refused ({}): subscriber {}, {}", slug(reason.name()), request.subscriberId(),
                request.target().scope());
    }

    @Override
    public void busy(SessionRequest request, long bitsPerSecond) {
        busy();
        LOG.info("session refused (capacity): subscriber {}, {} needs {} bit/s", request.subscriberId(),
                request.target().scope(), bitsPerSecond);
    }

    @Override
    public void ended(String sessionId, EndReason reason) {
        count(ended, "headwater_sessions_ended", slug(reason.name()), "sessions ended");
        LOG.info("session {}… ended ({})", SessionGate.shortId(sessionId), slug(reason.name()));
    }

    private void count(Map<String, Counter> counters, String name, String reason, String description) {
        Counter counter = counters.get(reason);
        if (counter == null) {
            counter = counters.computeIfAbsent(reason, r -> Counter.builder(name).description(description).tags(node)
                    .tag("reason", r).register(registry));
        }
        counter.increment();
    }

    static String slug(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
