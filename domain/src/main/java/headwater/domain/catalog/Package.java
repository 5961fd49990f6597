package headwater.domain.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A package (bouquet): a named set of channels, films and series that plans sell together.
 *
 * @param channelIds the channels in the package, kept sorted by id
 * @param movieIds   the films (VOD) in the package, kept sorted by id
 * @param seriesIds  the series in the package, kept sorted by id
 * @param version  the stored version, incremented by every update, which names the version it was based on
 *                 (optimistic concurrency); a value not stored yet has 1, the version {@code create} gives it
 */
public record Package(String id, String name, Set<String> channelIds, Set<String> movieIds, Set<String> seriesIds,
                      long version) {

    public static final int MAX_CHANNELS = 100_000;
    /** Per kind: films, and series, each. VOD libraries are larger than channel line-ups. */
    public static final int MAX_VOD = 1_000_000;

    public Package {
        Check.id("package", "id", id);
        Check.text("package", "name", name, Check.MAX_NAME_LENGTH);
        channelIds = members("channelIds", channelIds, MAX_CHANNELS);
        movieIds = members("movieIds", movieIds, MAX_VOD);
        seriesIds = members("seriesIds", seriesIds, MAX_VOD);
        Check.version("package", version);
    }

    /** A package not stored yet (version 1). */
    public Package(String id, String name, Set<String> channelIds, Set<String> movieIds, Set<String> seriesIds) {
        this(id, name, channelIds, movieIds, seriesIds, 1);
    }

    /** A package of channels only. */
    public Package(String id, String name, Set<String> channelIds) {
        this(id, name, channelIds, Set.of(), Set.of());
    }

    public static Package of(String id, String name, String... channelIds) {
        return new Package(id, name, Set.of(channelIds));
    }

    /** This package as stored at {@code newVersion}. */
    public Package withVersion(long newVersion) {
        return new Package(id, name, channelIds, movieIds, seriesIds, newVersion);
    }

    public Package withName(String newName) {
        return new Package(id, newName, channelIds, movieIds, seriesIds, version);
    }

    public Package withChannelIds(Set<String> newChannelIds) {
        return new Package(id, name, newChannelIds, movieIds, seriesIds, version);
    }

    public Package withMovieIds(Set<String> newMovieIds) {
        return new Package(id, name, channelIds, newMovieIds, seriesIds, version);
    }

    public Package withSeriesIds(Set<String> newSeriesIds) {
        return new Package(id, name, channelIds, movieIds, newSeriesIds, version);
    }

    /** The channel ids as a list, in id order. */
    public List<String> channelIdList() {
        return List.copyOf(channelIds);
    }

    private static SortedSet<String> members(String field, Set<String> ids, int max) {
        if (ids == null) {
            throw new InvalidValueException("package", field, "is missing");
        }
        if (ids.size() > max) {
            throw new InvalidValueException("package", field, "has " + ids.size() + " entries: at most " + max
                    + " allowed");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String member : ids) {
            sorted.add(Check.id("package", field, member));
        }
        return Collections.unmodifiableSortedSet(sorted);
    }
}
