package headwater.domain.subscriber;

/** The best picture quality a plan allows, lowest first: a plan's maximum admits it and everything below. */
public enum Quality {
    /** Up to 576 lines. */
    SD,
    /** Up to 720 lines. */
    HD,
    /** Up to 1080 lines. */
    FHD,
    /** Up to 2160 lines. */
    UHD;

    /** Whether a stream of quality {@code other} may be delivered under this maximum. */
    public boolean admits(Quality other) {
        return other.compareTo(this) <= 0;
    }
}
