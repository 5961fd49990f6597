package headwater.domain.m3u;

/** A warning or the reason an entry was skipped, with the 1-based line it is about. */
public record ImportNotice(long line, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
