/**
 * The customer base on JDBI: plans, subscribers, resellers with their credit ledgers, and devices. Same conventions as
 * {@link headwater.store.catalog}: checks inside the write transaction, domain errors only, optimistic versions.
 */
package headwater.store.subscriber;
