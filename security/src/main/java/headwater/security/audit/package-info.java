/**
 * Tamper evidence for the audit log: a SHA-256 hash chain over a canonical encoding of each entry, a verifier that
 * names the first entry where the chain breaks, and an Ed25519-signed head so that removing entries from the end is
 * detected too. Knows nothing of what an entry means: an entry is its number and a list of text fields.
 */
package headwater.security.audit;
