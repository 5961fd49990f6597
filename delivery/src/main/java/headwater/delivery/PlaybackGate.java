package headwater.delivery;

/**
 * Decides, before any other work, whether a media request's token opens what it asks for. Every media path carries
 * the token as its second segment ({@code /s/{token}/live/{channel}/...}, see {@link MediaPath}); the server passes
 * it here with the scope the path names ({@code live/news-hd}), and serves nothing unless the answer is a
 * {@link GateDecision.Pass}.
 *
 * <p>Called on a Vert.x event loop for every media request: the common case (a known session, a well-formed token)
 * must answer at once without blocking or allocating much. What needs I/O (a session opened on another node, an idle
 * session to re-admit) answers {@link GateDecision.Later}, completed from any thread.
 */
@FunctionalInterface
public interface PlaybackGate {

    /**
     * @param token   the path's token segment as sent (not yet validated: any length, any characters the path
     *                grammar let through)
     * @param scope   what the path asks for, e.g. {@code live/news-hd}; compared whole against the token's signed scope
     * @param format  HLS (playlists, segments) or TS (the continuous stream)
     * @param client  the client's address after the trusted-proxy rule, and its User-Agent
     */
    GateDecision check(String token, String scope, StreamFormat format, ClientInfo client);
}
