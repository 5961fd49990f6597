/**
 * The channels' AES-128 content keys on a {@link headwater.store.Database}: table {@code stream_key} (migration V16),
 * the key bytes sealed by the {@link headwater.domain.protect.FieldCipher}.
 */
package headwater.store.streamkey;
