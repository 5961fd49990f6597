package headwater.domain.catalog.importing;

import java.util.List;
import java.util.Objects;

/**
 * What an import did to one channel.
 *
 * @param previousName the name before a rename, else the name
 * @param line         the entry's line in the imported playlist (for a removed entry: in the previous one)
 * @param changes      what differed in the entry ({@code url}, {@code attribute tvg-logo}, ...), and which of the
 *                     operator's edits were kept ({@code kept the operator's name})
 */
public record ChannelChange(String channelId, int number, String name, String previousName, long line,
                            List<String> changes) {

    public ChannelChange {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(previousName, "previousName");
        changes = List.copyOf(changes);
    }

    @Override
    public String toString() {
        String renamed = previousName.equals(name) ? "" : " (was \"" + previousName + "\")";
        return "line " + line + ": " + number + " " + channelId + " \"" + name + "\"" + renamed
                + (changes.isEmpty() ? "" : " " + changes);
    }
}
