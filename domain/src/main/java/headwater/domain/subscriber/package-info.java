/**
 * The customer base: subscribers and their devices, the plans they buy, and the resellers who sell them with a
 * credit balance. Values are records that validate themselves and name the offending field; repositories are
 * interfaces that {@code store} implements, failing with the catalogue's
 * {@link headwater.domain.catalog.CatalogException} family. Passwords are only ever handled as {@link PasswordHash}es
 * made by a {@link PasswordHasher}.
 */
package headwater.domain.subscriber;
