package headwater.domain.m3u;

import java.util.Objects;

/**
 * An entry as the previous import left it, with the operator's reference to what it became (the channel or source
 * that holds the operator's number, EPG id and packages). Re-import matching compares the new playlist to these.
 */
public record ImportedEntry(String ref, PlaylistEntry entry) {

    public ImportedEntry {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(entry, "entry");
    }

    public StableKeys keys() {
        return StableKeys.of(entry);
    }
}
