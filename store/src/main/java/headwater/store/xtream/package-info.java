/**
 * What the Xtream Codes surface keeps in the store: the protocol's integer numbers for our ids (table
 * {@code xtream_id}, migration V10) and the per-device playlist tokens (table {@code playlist_token}, V11).
 */
package headwater.store.xtream;
