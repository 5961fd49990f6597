package headwater.domain.subscriber;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.ReferenceInUseException;
import java.util.List;
import java.util.Optional;

/**
 * The stored resellers and their credit ledgers. Every change of a balance is recorded as a {@link CreditMovement}
 * in the same transaction. Failures are {@link CatalogException}s.
 */
public interface ResellerRepository {

    /**
     * Stores a new reseller with no credits, at version 1.
     *
     * @throws DuplicateKeyException the id is taken
     */
    Reseller create(ResellerDraft draft);

    /**
     * Renames the reseller if its stored version is still {@code expectedVersion}.
     *
     * @throws ConcurrentUpdateException the reseller has changed since (credit movements change it too)
     * @throws NotFoundException         the reseller does not exist
     */
    Reseller update(long expectedVersion, ResellerDraft draft);

    Optional<Reseller> find(String id);

    /** @throws NotFoundException the reseller does not exist */
    default Reseller get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("reseller", id));
    }

    /**
     * Deletes the reseller and its ledger.
     *
     * @return whether it existed
     * @throws ReferenceInUseException the reseller still owns subscribers
     */
    boolean delete(String id);

    /** All resellers by id. */
    List<Reseller> list();

    /**
     * Adds {@code amount} credits.
     *
     * @throws InvalidValueException the amount is not positive, or the balance would exceed {@link Reseller#MAX_CREDITS}
     * @throws NotFoundException     the reseller does not exist
     */
    CreditMovement addCredits(String resellerId, long amount, String reason);

    /**
     * Takes {@code amount} credits, atomically: of concurrent spends, only those the balance covers succeed, and the
     * balance never goes below zero.
     *
     * @throws InvalidValueException the amount is not positive, or exceeds the balance (naming both)
     * @throws NotFoundException     the reseller does not exist
     */
    CreditMovement spendCredits(String resellerId, long amount, String reason);

    /**
     * The reseller's ledger, newest first.
     *
     * @throws NotFoundException the reseller does not exist
     */
    Page<CreditMovement> movements(String resellerId, int offset, int limit);
}
