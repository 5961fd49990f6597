package headwater.domain.m3u;

import java.util.List;
import java.util.Objects;

/** A whole playlist in memory: the header and the entries in file order. */
public record Playlist(PlaylistHeader header, List<PlaylistEntry> entries) {

    public Playlist {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
    }
}
