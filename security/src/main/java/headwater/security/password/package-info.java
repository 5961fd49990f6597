/**
 * Password hashing: Argon2id (RFC 9106) through Bouncy Castle, stored as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), verified in constant time.
 */
package headwater.security.password;
