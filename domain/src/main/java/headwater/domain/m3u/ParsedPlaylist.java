package headwater.domain.m3u;

/** A playlist read into memory with the report of its parse. */
public record ParsedPlaylist(Playlist playlist, ImportReport report) {
}
