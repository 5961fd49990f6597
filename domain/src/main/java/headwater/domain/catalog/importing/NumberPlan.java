package headwater.domain.catalog.importing;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.InvalidValueException;
import java.util.HashSet;
import java.util.Set;

/**
 * Channel numbers for an import: the numbers in use when it started stay taken for the whole import (even one a
 * channel leaves), so no two writes of the import can ever want the same number, in any batch order. New channels
 * without a usable {@code tvg-chno} get the numbers after the highest one taken, then the gaps.
 */
final class NumberPlan {

    private final Set<Integer> taken;
    private int next;

    NumberPlan(Set<Integer> inUse) {
        this.taken = new HashSet<>(inUse);
        this.next = inUse.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    boolean isFree(int number) {
        return !taken.contains(number);
    }

    /** Takes {@code number} if it is free. */
    boolean take(int number) {
        return taken.add(number);
    }

    /** The next free number, taken. */
    int next() {
        for (; next <= ChannelDraft.MAX_NUMBER; next++) {
            if (taken.add(next)) {
                return next++;
            }
        }
        for (int n = ChannelDraft.MIN_NUMBER; n <= ChannelDraft.MAX_NUMBER; n++) {
            if (taken.add(n)) {
                return n;
            }
        }
        throw new InvalidValueException("channel", "number", "has no free value left: all of "
                + ChannelDraft.MIN_NUMBER + ".." + ChannelDraft.MAX_NUMBER + " are used");
    }
}
