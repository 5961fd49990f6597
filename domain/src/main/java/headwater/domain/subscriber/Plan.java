package headwater.domain.subscriber;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a subscriber buys: a set of packages, how many streams at once, the best quality, and the price for one
 * billing period. The billing issue builds on it.
 *
 * @param packageIds     the packages (bouquets) the plan gives access to, kept sorted by id
 * @param maxConnections simultaneous streams, 1 to {@value #MAX_CONNECTIONS}
 * @param price          the price of one period; not negative
 * @param enabled        offered for sale; a disabled plan keeps its subscribers
 * @param version  the stored version, incremented by every update, which names the version it was based on
 *                 (optimistic concurrency); a value not stored yet has 1, the version {@code create} gives it
 */
public record Plan(String id, String name, Set<String> packageIds, int maxConnections, Quality maxQuality, Money price,
                   BillingPeriod period, boolean enabled, long version) {

    public static final int MAX_CONNECTIONS = 1000;
    public static final int MAX_PACKAGES = 1000;

    public Plan {
        Check.id("plan", "id", id);
        Check.text("plan", "name", name, Check.MAX_NAME_LENGTH);
        packageIds = sortedIds("plan", "packageIds", packageIds);
        Check.range("plan", "maxConnections", maxConnections, 1, MAX_CONNECTIONS);
        if (maxQuality == null) {
            throw new InvalidValueException("plan", "maxQuality", "is missing: one of SD, HD, FHD, UHD");
        }
        if (price == null) {
            throw new InvalidValueException("plan", "price", "is missing");
        }
        if (price.minorUnits() < 0) {
            throw new InvalidValueException("plan", "price", "is " + price + ": must not be negative");
        }
        if (period == null) {
            throw new InvalidValueException("plan", "period", "is missing");
        }
        Check.version("plan", version);
    }

    /** A plan not stored yet (version 1). */
    public Plan(String id, String name, Set<String> packageIds, int maxConnections, Quality maxQuality, Money price,
                BillingPeriod period, boolean enabled) {
        this(id, name, packageIds, maxConnections, maxQuality, price, period, enabled, 1);
    }

    /** An enabled one-connection HD plan of one month without packages. */
    public static Plan of(String id, String name, Money price) {
        return new Plan(id, name, Set.of(), 1, Quality.HD, price, BillingPeriod.months(1), true);
    }

    /** This plan as stored at {@code newVersion}. */
    public Plan withVersion(long newVersion) {
        return new Plan(id, name, packageIds, maxConnections, maxQuality, price, period, enabled, newVersion);
    }

    public Plan withName(String newName) {
        return new Plan(id, newName, packageIds, maxConnections, maxQuality, price, period, enabled, version);
    }

    public Plan withPackageIds(Set<String> newPackageIds) {
        return new Plan(id, name, newPackageIds, maxConnections, maxQuality, price, period, enabled, version);
    }

    public Plan withMaxConnections(int newMaxConnections) {
        return new Plan(id, name, packageIds, newMaxConnections, maxQuality, price, period, enabled, version);
    }

    public Plan withMaxQuality(Quality newMaxQuality) {
        return new Plan(id, name, packageIds, maxConnections, newMaxQuality, price, period, enabled, version);
    }

    public Plan withPrice(Money newPrice) {
        return new Plan(id, name, packageIds, maxConnections, maxQuality, newPrice, period, enabled, version);
    }

    public Plan withPeriod(BillingPeriod newPeriod) {
        return new Plan(id, name, packageIds, maxConnections, maxQuality, price, newPeriod, enabled, version);
    }

    public Plan withEnabled(boolean newEnabled) {
        return new Plan(id, name, packageIds, maxConnections, maxQuality, price, period, newEnabled, version);
    }

    /** The package ids as a list, in id order. */
    public List<String> packageIdList() {
        return List.copyOf(packageIds);
    }

    /** Ids, each valid, as an unmodifiable set sorted by id. */
    static Set<String> sortedIds(String entity, String field, Set<String> ids) {
        if (ids == null) {
            throw new InvalidValueException(entity, field, "is missing");
        }
        if (ids.size() > MAX_PACKAGES) {
            throw new InvalidValueException(entity, field, "has " + ids.size() + " entries: at most " + MAX_PACKAGES
                    + " allowed");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String id : ids) {
            sorted.add(Check.id(entity, field, id));
        }
        return Collections.unmodifiableSortedSet(sorted);
    }
}
