package headwater.domain.guide;

/**
 * An import cannot make its guide current: a newer import of the same source was committed meanwhile, or the source
 * was deleted. The guide that is current stays.
 */
public final class GuideConflictException extends RuntimeException {

    public GuideConflictException(String message) {
        super(message);
    }
}
