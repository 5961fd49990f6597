/**
 * Extended M3U playlists as operators import them: a streaming {@link headwater.domain.m3u.M3uParser} (bounded
 * lines, strict UTF-8, everything else counted and survived), a {@link headwater.domain.m3u.M3uWriter} whose output
 * parses back to the same values and cannot be broken by a channel name, and {@link headwater.domain.m3u.PlaylistDiff}
 * which matches a re-imported playlist against the entries imported before by stable keys.
 */
package headwater.domain.m3u;
