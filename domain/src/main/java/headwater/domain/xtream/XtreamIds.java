package headwater.domain.xtream;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The integer numbers the Xtream Codes protocol uses for what we key by string ids: {@code stream_id},
 * {@code series_id}, an episode's {@code id}, {@code category_id}. A number is allocated the first time an entity is
 * asked for, is stable for ever (players keep favourites and recordings by it) and is never reused, not even after
 * the entity is deleted. Numbers are unique across all kinds, so a number read back names at most one entity.
 * Implementations are thread-safe; the methods may block (the store).
 */
public interface XtreamIds {

    /** What a number stands for. Categories of all kinds share {@link #CATEGORY}. */
    enum Kind { CHANNEL, MOVIE, SERIES, EPISODE, CATEGORY }

    /** The number of each id, allocating the missing ones in one go (a listing of 10,000 channels is one call). */
    Map<String, Integer> numbers(Kind kind, Collection<String> ids);

    /** The number of one id, allocated when missing. */
    default int number(Kind kind, String id) {
        return numbers(kind, java.util.List.of(id)).get(id);
    }

    /** @return the id the number was allocated for, when it was allocated for that kind */
    Optional<String> id(Kind kind, int number);
}
