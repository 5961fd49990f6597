package headwater.domain.epg;

/** A skipped element or a warning: where ({@code line} of the guide), which element, and what was wrong. */
public record ImportProblem(long line, String element, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": <" + element + "> " + reason;
    }
}
