/**
 * Encryption of secrets and personal data at rest, as the domain and the store see it: a {@link
 * headwater.domain.protect.FieldCipher} seals a value for one named field and opens it again. The cipher itself
 * (AES-256-GCM under envelope keys) lives in {@code security}; the application wires one to the other.
 */
package headwater.domain.protect;
