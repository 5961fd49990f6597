package headwater.domain.catalog;

/** What a category groups: live TV channels, radio channels, films, or series. */
public enum CategoryKind {
    LIVE, RADIO, VOD, SERIES
}
