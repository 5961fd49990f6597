package headwater.domain.catalog;

/** The orders a channel listing can be sorted in; each ends with the id so that pages never overlap. */
public enum ChannelSort {
    NUMBER, NAME, ID, UPDATED
}
