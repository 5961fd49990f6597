package headwater.domain.epg;

import java.io.IOException;

/**
 * A guide that cannot be read on: malformed or truncated XML, a refused DTD entity, invalid UTF-8, a guide over its
 * byte limit. The message says where ({@code line:column}, or the byte offset) and what was wrong; {@code line} and
 * {@code column} are 0 when unknown.
 */
public final class XmltvParseException extends IOException {
    private final long line;
    private final long column;

    public XmltvParseException(String message, long line, long column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
