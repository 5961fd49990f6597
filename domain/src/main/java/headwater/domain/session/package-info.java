/**
 * Playback sessions: who may watch what, on which device, from where, and whether the node has the capacity for it.
 *
 * <p>A {@link PlaybackSession} is opened by {@code SessionService} for a {@link SessionRequest} after the
 * {@code Entitlement} rules pass, the subscriber's concurrent-stream limit is kept atomically by a
 * {@link SessionRegistry} (in memory on one node, in Redis across nodes) and the node's egress budget
 * ({@code EgressLedger}) has room for the rendition's measured bitrate. Media requests then name the session by the
 * signed token of the security module; every denial has a {@link Denial} reason that is logged and counted, while
 * the client only ever sees one generic answer.
 *
 * <p>The parts: {@link Entitlement} (pure rules: a {@link Rendition} or a {@link Denial}); {@link EgressLedger}
 * (this node's reservations); {@link MemorySessionRegistry} (the registry of a single node); {@link SessionService}
 * (open, load, resume, end, list, tick) with {@link ActiveSession}, the allocation-free handle that media requests
 * use. The application implements the ports {@link SubscriberDirectory}, {@link ChannelDirectory},
 * {@link VodDirectory}, {@link RenditionMeter}, {@link SessionTokens} and {@link SessionEvents}.
 */
package headwater.domain.session;
