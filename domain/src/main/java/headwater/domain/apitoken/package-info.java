/**
 * API tokens for the admin API, as the store keeps them: a name, a role, scopes, who made it, when it expires and
 * whether it was revoked, and the SHA-256 digest of the token, never the token itself. Generating and comparing
 * tokens is {@code security}'s and {@code api}'s job; this package describes what is stored and what a scope allows.
 */
package headwater.domain.apitoken;
