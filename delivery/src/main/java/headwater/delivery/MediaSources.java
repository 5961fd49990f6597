package headwater.delivery;

import java.time.Clock;

/**
 * What a running server serves besides live channels, shared by its event loops.
 *
 * @param archive the catch-up archives
 * @param vod     the films and episodes
 * @param clock   decides whether an archive window is over
 * @param remote  the proxy of remote VOD files, with its HTTP client
 */
record MediaSources(ArchiveCatalog archive, VodCatalog vod, Clock clock, RemoteFile remote) {
}
