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

    /**
     * The quality of a picture {@code lines} high, by the line counts above; 0 (no picture: radio) is SD.
     *
     * @param lines the picture height, not negative
     */
    public static Quality ofLines(int lines) {
        if (lines <= 576) {
            return SD;
        }
        if (lines <= 720) {
            return HD;
        }
        return lines <= 1080 ? FHD : UHD;
    }

    /** Whether a stream of quality {@code other} may be delivered under this maximum. */
    public boolean admits(Quality other) {
        return other.compareTo(this) <= 0;
    }
}
