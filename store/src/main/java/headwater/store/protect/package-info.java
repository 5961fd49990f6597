/**
 * Encryption at rest, the store's part: the wrapped data keys (table {@code data_key}, migration V14) and row-by-row
 * rewriting of sealed columns for sealing at start and re-sealing on rotation. The cipher itself is given to the
 * store as a {@link headwater.domain.protect.FieldCipher}.
 */
package headwater.store.protect;
