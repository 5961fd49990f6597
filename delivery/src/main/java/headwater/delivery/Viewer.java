package headwater.delivery;

/**
 * The session a media request was admitted under, as delivery needs it. Implementations are thread-safe and cheap:
 * {@link #served} runs for every response and {@link #ended} for every chunk of a TS stream.
 */
public interface Viewer {

    /** The channel whose output to serve: the path's channel, or the rendition the session's plan selected. */
    String channel();

    /** Counts bytes handed to the socket for this session and marks it seen now. */
    void served(long bytes);

    /** Whether the session has ended since it was admitted; a TS stream closes at the next chunk when it has. */
    boolean ended();
}
