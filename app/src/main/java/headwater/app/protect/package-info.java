/**
 * Encryption at rest, wired: the master key from the environment or its file, the envelope cipher of
 * {@code security.crypto} over the data keys the store keeps, the {@link headwater.domain.protect.FieldCipher} the
 * repositories seal with, sealing at start of values stored before, and the rotations.
 */
package headwater.app.protect;
