package headwater.domain.catalog;

/**
 * A filtered, sorted page of channels. Null filters match everything.
 *
 * @param categoryId   only channels in this category
 * @param enabled      only enabled (true) or disabled (false) channels
 * @param nameContains only channels whose name contains this text, ignoring ASCII case; '%' and '_' are literal
 * @param radio        only radio (true) or TV (false) channels
 */
public record ChannelQuery(String categoryId, Boolean enabled, String nameContains, Boolean radio, ChannelSort sort,
                           boolean descending, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public ChannelQuery {
        if (categoryId != null) {
            Check.id("channel query", "categoryId", categoryId);
        }
        if (nameContains != null) {
            Check.optionalText("channel query", "nameContains", nameContains, Check.MAX_NAME_LENGTH);
        }
        if (sort == null) {
            throw new InvalidValueException("channel query", "sort", "is missing: one of NUMBER, NAME, ID, UPDATED");
        }
        if (offset < 0) {
            throw new InvalidValueException("channel query", "offset", "is " + offset + ": must not be negative");
        }
        Check.range("channel query", "limit", limit, 1, MAX_LIMIT);
    }

    /** All channels by number, the first {@code limit}. */
    public static ChannelQuery firstPage(int limit) {
        return new ChannelQuery(null, null, null, null, ChannelSort.NUMBER, false, 0, limit);
    }

    public ChannelQuery inCategory(String newCategoryId) {
        return new ChannelQuery(newCategoryId, enabled, nameContains, radio, sort, descending, offset, limit);
    }

    public ChannelQuery enabledOnly(Boolean newEnabled) {
        return new ChannelQuery(categoryId, newEnabled, nameContains, radio, sort, descending, offset, limit);
    }

    public ChannelQuery nameContaining(String text) {
        return new ChannelQuery(categoryId, enabled, text, radio, sort, descending, offset, limit);
    }

    public ChannelQuery radioOnly(Boolean newRadio) {
        return new ChannelQuery(categoryId, enabled, nameContains, newRadio, sort, descending, offset, limit);
    }

    public ChannelQuery sortedBy(ChannelSort newSort, boolean newDescending) {
        return new ChannelQuery(categoryId, enabled, nameContains, radio, newSort, newDescending, offset, limit);
    }

    public ChannelQuery page(int newOffset, int newLimit) {
        return new ChannelQuery(categoryId, enabled, nameContains, radio, sort, descending, newOffset, newLimit);
    }

    /** The page after this one. */
    public ChannelQuery next() {
        return page(offset + limit, limit);
    }
}
