/**
 * Video on demand: films ({@link headwater.domain.vod.Movie}), series with seasons and episodes, the technical
 * description of their media ({@link headwater.domain.vod.MediaInfo}) and the {@link headwater.domain.vod.MediaProbe}
 * that reads it. Values validate themselves like the catalogue's and fail with the same
 * {@link headwater.domain.catalog.CatalogException} family; the repositories are interfaces that {@code store}
 * implements.
 */
package headwater.domain.vod;
