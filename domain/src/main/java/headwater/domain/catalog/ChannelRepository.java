package headwater.domain.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The stored channels. Every method either does all of its work or none of it, and reports failures as
 * {@link CatalogException}s.
 */
public interface ChannelRepository {

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
     * Deletes the channel and its package memberships.
     *
     * @return whether it existed
     */
    boolean delete(String id);

    Page<Channel> list(ChannelQuery query);

    /** How many channels match the query's filters (its sort and page are ignored). */
    long count(ChannelQuery query);
}
