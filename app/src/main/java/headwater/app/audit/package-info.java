/**
 * The audit log, wired: the store's append-only table chained by {@code security.audit}'s SHA-256 hash chain, its
 * verification, and heads signed with the server's Ed25519 key ({@code <dataDir>/audit-signing.key}).
 */
package headwater.app.audit;
