package headwater.domain.catalog.importing;

import java.time.Instant;
import java.util.Objects;

/**
 * An import source as its last import left it.
 *
 * @param location the file or URL it was read from (secrets masked by the caller)
 * @param header   the {@code #EXTM3U} line, with its {@code x-tvg-url} guides
 * @param entries  how many entries it had
 */
public record ImportSourceRecord(String source, String location, String header, long entries, Instant importedAt) {

    public ImportSourceRecord {
        ImportLink.checkSource(source);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
