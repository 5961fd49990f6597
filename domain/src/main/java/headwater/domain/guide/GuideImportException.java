package headwater.domain.guide;

/**
 * An import failed; the source's previous guide is untouched and the error is recorded on the source. The message
 * names the source and says what went wrong and where ("guide source epg1 (/data/guide.xml): line 12, column 5:
 * malformed XML: ...").
 */
public final class GuideImportException extends Exception {

    private final String sourceId;

    public GuideImportException(String sourceId, String message, Throwable cause) {
        super(message, cause);
        this.sourceId = sourceId;
    }

    public String sourceId() {
        return sourceId;
    }
}
