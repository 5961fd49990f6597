package headwater.security.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status line and header fields of an HTTP/1.x response, read from the server's bytes with limits (a line of at
 * most {@value #MAX_LINE} bytes, at most {@value #MAX_FIELDS} fields, {@value #MAX_HEAD} bytes in all): a hostile
 * server cannot make the client buffer without bound. Field names are compared ignoring case.
 */
public record ResponseHead(int status, String reason, Map<String, List<String>> fields) {

    static final int MAX_LINE = 16 * 1024;
    static final int MAX_FIELDS = 200;
    static final int MAX_HEAD = 64 * 1024;

    public ResponseHead {
        var copy = new LinkedHashMap<String, List<String>>();
        fields.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** The values of a field, in order. */
    public List<String> all(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first value of a field. */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public boolean redirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Reads one response head from {@code in}, skipping interim 1xx responses.
     *
     * @param shown the URL as messages show it
     * @throws DownloadFailedException the bytes are not an HTTP/1.x response head, or exceed a limit
     */
    public static ResponseHead read(InputStream in, String shown) throws IOException {
        while (true) {
            ResponseHead head = readOne(in, shown);
            if (head.status >= 200 || head.status == 101) {
                return head;
            }
        }
    }

    private static ResponseHead readOne(InputStream in, String shown) throws IOException {
        int[] budget = {MAX_HEAD};
        String statusLine = line(in, shown, budget);
        if (statusLine == null) {
            throw new DownloadFailedException(shown + ": the server closed the connection without answering");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new DownloadFailedException(shown + ": the answer is not an HTTP/1.x response (it starts with '"
                    + printable(statusLine, 40) + "')");
        }
        String code = statusLine.substring(9, 12);
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9') || code.charAt(0) == '0'
                || statusLine.length() > 12 && statusLine.charAt(12) != ' ') {
            throw new DownloadFailedException(shown + ": the response's status line '" + printable(statusLine, 60)
                    + "' has no three-digit status");
        }
        int status = Integer.parseInt(code);
        String reason = statusLine.length() > 13 ? statusLine.substring(13).strip() : "";
        var fields = new LinkedHashMap<String, List<String>>();
        String lastName = null;
        int count = 0;
        while (true) {
            String line = line(in, shown, budget);
            if (line == null) {
                throw new DownloadFailedException(shown + ": the connection closed in the middle of the response head");
            }
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (lastName == null) {
                    throw new DownloadFailedException(shown + ": the response head starts with a continuation line");
                }
                List<String> values = fields.get(lastName);
                values.set(values.size() - 1, values.getLast() + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !token(line.substring(0, colon))) {
                throw new DownloadFailedException(shown + ": the response has a malformed header line '"
                        + printable(line, 60) + "'");
            }
            if (++count > MAX_FIELDS) {
                throw new DownloadFailedException(shown + ": the response has more than " + MAX_FIELDS + " header fields");
            }
            lastName = line.substring(0, colon).toLowerCase(Locale.ROOT);
            fields.computeIfAbsent(lastName, unused -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return new ResponseHead(status, reason, fields);
    }

    /** One CRLF- (or LF-) terminated line as ISO-8859-1, without its terminator; null at a clean end of stream. */
    static String line(InputStream in, String shown, int[] budget) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (--budget[0] < 0) {
                throw new DownloadFailedException(shown + ": the response head is longer than " + MAX_HEAD + " bytes");
            }
            if (b == '\n') {
                byte[] line = bytes.toByteArray();
                int end = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (bytes.size() >= MAX_LINE) {
                throw new DownloadFailedException(shown + ": a line of the response head is longer than " + MAX_LINE
                        + " bytes");
            }
            bytes.write(b);
        }
        if (bytes.size() == 0) {
            return null;
        }
        throw new DownloadFailedException(shown + ": the connection closed in the middle of a response line");
    }

    private static boolean token(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c < ' ' || c >= 127 ? '?' : c);
        }
        return text.length() > max ? out + "..." : out.toString();
    }
}
