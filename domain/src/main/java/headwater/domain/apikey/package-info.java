/**
 * API keys for the admin API, as the store keeps them: a name and the SHA-256 digest of the key, never the key
 * itself. Generating and comparing keys is {@code security}'s job; this package only describes what is stored.
 */
package headwater.domain.apikey;
