package headwater.domain.subscriber;

/** Subscribers' contact details, stored sealed. Blocking: call from a worker thread. */
public interface ContactRepository {

    /**
     * @return the subscriber's contact, {@link Contact#NONE} when none is stored
     * @throws headwater.domain.catalog.NotFoundException no such subscriber
     */
    Contact find(String subscriberId);

    /**
     * Replaces the subscriber's contact ({@link Contact#NONE} clears it).
     *
     * @throws headwater.domain.catalog.NotFoundException no such subscriber
     */
    void put(String subscriberId, Contact contact);
}
