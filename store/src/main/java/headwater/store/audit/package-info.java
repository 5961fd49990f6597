/**
 * The audit log in the store: table {@code audit_log} (migration V15), append-only by trigger, hash-chained by a
 * {@link headwater.domain.audit.ChainHasher} the application gives.
 */
package headwater.store.audit;
