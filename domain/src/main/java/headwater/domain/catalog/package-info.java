/**
 * The catalogue: channels (live and radio), categories and packages (bouquets of channels, films and series). Values are records that validate
 * themselves and name the offending field; the repositories are interfaces that {@code store} implements and whose
 * errors are the {@link headwater.domain.catalog.CatalogException} family, never a raw SQL exception.
 */
package headwater.domain.catalog;
