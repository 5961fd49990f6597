package headwater.domain.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored channels. Every method either does all of its work or none of it, and reports failures as
 * {@link CatalogException}s.
 */
public interface ChannelRepository {

    /** The most renditions a channel lists. */
    int MAX_RENDITIONS = 16;

    /**
     * Stores a new channel at version 1.
     *
     * @throws DuplicateKeyException     the id or the number is taken
     * @throws UnknownReferenceException a category id does not exist
     */
    Channel create(ChannelDraft draft);

    /**
     * Stores many new channels in one transaction: all of them or, on the first error, none.
     *
     * @throws DuplicateKeyException     an id or a number is taken, or appears twice in {@code drafts}
     * @throws UnknownReferenceException a category id does not exist
     */
    List<Channel> createAll(List<ChannelDraft> drafts);

    /**
     * Replaces the channel {@code draft.id()} if its stored version is still {@code expectedVersion}; the stored
     * version then becomes {@code expectedVersion + 1}. Of two updates based on the same version, exactly one wins.
     *
     * @throws ConcurrentUpdateException the channel has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the channel does not exist
     * @throws DuplicateKeyException     the new number is taken by another channel
     * @throws UnknownReferenceException a category id does not exist
     */
    Channel update(long expectedVersion, ChannelDraft draft);

    Optional<Channel> find(String id);

    /** @throws NotFoundException the channel does not exist */
    default Channel get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("channel", id));
    }

    /**
     * Deletes the channel and its memberships: it leaves its packages and the rendition lists of other channels (as
     * it leaves its packages; an M3U re-import that drops a channel must not fail on it).
     *
     * @return whether it existed
     */
    boolean delete(String id);

    Page<Channel> list(ChannelQuery query);

    /** How many channels match the query's filters (its sort and page are ignored). */
    long count(ChannelQuery query);

    /**
     * The channel's other renditions, in the operator's order: channels that carry the same programme in another
     * quality (news-hd lists news-sd), so that a plan capped below the channel's own quality is served one of them.
     *
     * @throws NotFoundException the channel does not exist
     */
    List<String> renditions(String channelId);

    /**
     * Replaces the channel's renditions (an empty list removes them) and bumps its version, so that a poller of the
     * catalogue notices and a concurrent update based on the old version is refused.
     *
     * @return the channel as stored afterwards
     * @throws NotFoundException         the channel does not exist
     * @throws InvalidValueException     the list names the channel itself, one channel twice, something that is not an
     *                                   id, or more than {@value #MAX_RENDITIONS} channels
     * @throws UnknownReferenceException a rendition id is not a channel
     */
    Channel setRenditions(String channelId, List<String> renditionIds);

    /** Every channel that has renditions, with them in order: one read for a whole index. */
    Map<String, List<String>> allRenditions();
}
