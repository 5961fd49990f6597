/**
 * The audit trail as the domain sees it: what happened, who did it, from where, and the state before and after
 * (secrets redacted). Storing it append-only and hash-chained is the store's and security's job.
 */
package headwater.domain.audit;
