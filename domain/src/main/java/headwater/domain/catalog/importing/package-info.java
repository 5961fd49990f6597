/**
 * Importing playlists into the catalogue: {@link headwater.domain.catalog.importing.PlaylistImporter} turns an M3U
 * playlist into channels, and a changed copy of it into the exact diff, keeping what the operator changed since.
 * {@link headwater.domain.catalog.importing.PlaylistImportStore} is what it needs from {@code store}: the links
 * (import source + entry → channel, with what the import last wanted) and batched, transactional writes.
 *
 * <p>Downloading a playlist from a URL is not done here (the domain imports no other module): the caller opens the
 * URL with {@code headwater.security.outbound.OutboundFetcher} and hands the body over.
 */
package headwater.domain.catalog.importing;
