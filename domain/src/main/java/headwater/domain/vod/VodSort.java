package headwater.domain.vod;

/** The orders of a VOD listing; ties are broken by id so that pages never overlap. */
public enum VodSort {
    NAME, ADDED, YEAR
}
