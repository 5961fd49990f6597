/**
 * Films, series, seasons and episodes on JDBI, following {@code headwater.store.catalog}'s rules: bound parameters
 * only, fixed SQL fragments and whitelisted sort columns, checks inside the write transaction, and constraint
 * violations caused by a concurrent writer diagnosed again as the domain error they are.
 */
package headwater.store.vod;
