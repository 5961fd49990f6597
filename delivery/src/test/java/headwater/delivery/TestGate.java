package headwater.delivery;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A gate that decides like the real one from the outside: a token opens exactly the scope it was granted for (whole
 * string: {@code live/ch1} never opens {@code live/ch10}), not after it expired, not after its session ended; any
 * other token is refused. Counts its checks so tests can prove a request never reached it.
 */
final class TestGate implements PlaybackGate {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** For tests that serve no media. */
    static final PlaybackGate REFUSE_ALL = (token, scope, format, client) -> GateDecision.REFUSE;

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final AtomicInteger checks = new AtomicInteger();
    private final Map<String, AtomicInteger> checksByToken = new ConcurrentHashMap<>();
    private final AtomicReference<ClientInfo> lastClient = new AtomicReference<>();
    private final AtomicReference<StreamFormat> lastFormat = new AtomicReference<>();

    /**
     * What a token opens, and what the gate answers for it instead of a plain Pass (when set).
     *
     * @param boundTo the only client address the session is served to, or null for any (sessions.bindToAddress)
     */
    record Grant(String scope, TestViewer viewer, boolean expired, Supplier<GateDecision> decision,
                 InetAddress boundTo) {
    }

    /** A token shaped like the real ones (sid-exp-kid-mac, lowercase hex), random. */
    static String newToken() {
        byte[] sid = new byte[16];
        byte[] mac = new byte[16];
        RANDOM.nextBytes(sid);
        RANDOM.nextBytes(mac);
        return HexFormat.of().formatHex(sid) + "-6a1b2c3d-1-" + HexFormat.of().formatHex(mac);
    }

    /** Grants {@code token} the scope {@code live/{channel}}, serving that channel. */
    TestViewer grant(String token, String channel) {
        return grant(token, channel, channel);
    }

    /** Grants {@code token} the scope {@code live/{channel}}, serving {@code served} (a rendition). */
    TestViewer grant(String token, String channel, String served) {
        TestViewer viewer = new TestViewer(served);
        grants.put(token, new Grant("live/" + channel, viewer, false, null, null));
        return viewer;
    }

    /** Grants {@code token} exactly {@code scope} (an archive window, a film...), its viewer naming {@code channel}. */
    TestViewer grantScope(String token, String scope, String channel) {
        TestViewer viewer = new TestViewer(channel);
        grants.put(token, new Grant(scope, viewer, false, null, null));
        return viewer;
    }

    /** Grants {@code token} the scope {@code live/{channel}} for a client at {@code address} only. */
    TestViewer grantBoundTo(String token, String channel, InetAddress address) {
        TestViewer viewer = new TestViewer(channel);
        grants.put(token, new Grant("live/" + channel, viewer, false, null, address));
        return viewer;
    }

    void expire(String token, String channel) {
        grants.put(token, new Grant("live/" + channel, new TestViewer(channel), true, null, null));
    }

    /** The gate answers {@code decision} for {@code token} (checked against the scope first). */
    void answer(String token, String channel, Supplier<GateDecision> decision) {
        grants.put(token, new Grant("live/" + channel, new TestViewer(channel), false, decision, null));
    }

    @Override
    public GateDecision check(String token, String scope, StreamFormat format, ClientInfo client) {
        checks.incrementAndGet();
        checksByToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        lastClient.set(client);
        lastFormat.set(format);
        Grant grant = grants.get(token);
        if (grant == null || !grant.scope().equals(scope) || grant.expired() || grant.viewer().ended()
                || (grant.boundTo() != null && !grant.boundTo().equals(client.address()))) {
            return GateDecision.REFUSE;
        }
        return grant.decision() != null ? grant.decision().get() : new GateDecision.Pass(grant.viewer());
    }

    int checks() {
        return checks.get();
    }

    /** Checks of every token but {@code token} (one another test thread keeps using). */
    int checksExcept(String token) {
        // summed from the other tokens' own counters: total minus this one's would race with that token's player
        return checksByToken.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(token))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    ClientInfo lastClient() {
        return lastClient.get();
    }

    StreamFormat lastFormat() {
        return lastFormat.get();
    }
}
