/**
 * The programme guide on the {@link headwater.store.Database}: guide sources, and generations of each source's guide
 * (channels, links to the catalogue, programmes) written in batches and switched to in one transaction.
 */
package headwater.store.guide;
