/**
 * The catalogue's repositories on JDBI. Every value is a bound parameter; the only SQL assembled at run time is
 * fixed fragments and sort columns taken from a whitelist. Constraint violations never escape as SQL exceptions:
 * they are checked first inside the write transaction, and a violation caused by a concurrent writer is diagnosed
 * again and reported as the domain error it is.
 */
package headwater.store.catalog;
