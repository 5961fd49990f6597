/**
 * Envelope encryption of stored values: AES-256-GCM under random data keys, each data key wrapped (AES-256-GCM as
 * well) by one master key that never touches the database. A sealed value names its data key and binds the field it
 * was sealed for as associated data, so a value copied into another column, an altered byte, or the wrong master key
 * all fail closed with {@link headwater.security.crypto.UnsealableException}.
 */
package headwater.security.crypto;
