/**
 * The ledger, invoices and vouchers in SQLite or PostgreSQL. Every write that moves money is one transaction; guards
 * and single-use rules are conditional statements, so that concurrent requests cannot overdraw or redeem twice.
 */
package headwater.store.billing;
