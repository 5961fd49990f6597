package headwater.domain.session;

/**
 * Signs the token that every media URL of a session carries. Implemented by the application with the security
 * module's playback tokens: the token names {@link PlaybackSession#id()}, is valid until
 * {@link PlaybackSession#expires()} and is scoped to {@code session.target().scope()}.
 */
@FunctionalInterface
public interface SessionTokens {

    String sign(PlaybackSession session);
}
