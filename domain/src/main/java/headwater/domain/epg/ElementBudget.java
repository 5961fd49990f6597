package headwater.domain.epg;

/** The first reason one channel or programme cannot be kept (an oversized value, too deep), if any. */
final class ElementBudget {
    private final int maxTextLength;
    private String failure;

    ElementBudget(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    int maxTextLength() {
        return maxTextLength;
    }

    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    String failure() {
        return failure;
    }
}
