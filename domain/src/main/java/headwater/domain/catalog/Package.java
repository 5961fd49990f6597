package headwater.domain.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A package (bouquet): a named set of channels that plans sell together. VOD and series join it with the VOD model.
 *
 * @param channelIds the channels in the package, kept sorted by id
 */
public record Package(String id, String name, Set<String> channelIds) {

    public static final int MAX_CHANNELS = 100_000;

    public Package {
        Check.id("package", "id", id);
        Check.text("package", "name", name, Check.MAX_NAME_LENGTH);
        if (channelIds == null) {
            throw new InvalidValueException("package", "channelIds", "is missing");
        }
        if (channelIds.size() > MAX_CHANNELS) {
            throw new InvalidValueException("package", "channelIds", "has " + channelIds.size() + " entries: at most "
                    + MAX_CHANNELS + " allowed");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String channelId : channelIds) {
            sorted.add(Check.id("package", "channelIds", channelId));
        }
        channelIds = Collections.unmodifiableSortedSet(sorted);
    }

    public static Package of(String id, String name, String... channelIds) {
        return new Package(id, name, Set.of(channelIds));
    }

    public Package withName(String newName) {
        return new Package(id, newName, channelIds);
    }

    public Package withChannelIds(Set<String> newChannelIds) {
        return new Package(id, name, newChannelIds);
    }

    /** The channel ids as a list, in id order. */
    public List<String> channelIdList() {
        return List.copyOf(channelIds);
    }
}
