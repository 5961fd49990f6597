/**
 * Accounts, their recovery codes and web sessions in the database (migration V12): TOTP seeds sealed through the
 * domain's FieldCipher, recovery codes and session cookies as SHA-256 digests.
 */
package headwater.store.identity;
