package headwater.security.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Splits a PEM text into its blocks (RFC 7468, lax as OpenSSL: text outside blocks such as OpenSSL's
 * {@code Bag Attributes} is ignored, CR LF and LF both end lines, blanks around base64 lines are dropped). Inside a
 * block, anything but base64 is an error that names its line; so are a BEGIN without its END, an END that names
 * another label, and OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} keys, which are refused with how to convert
 * them.
 */
public final class PemText {

    /** Longest PEM text read: far more than any chain of certificates and a key. */
    public static final int MAX_CHARS = 1 << 20;

    /** Most blocks in one text. */
    public static final int MAX_BLOCKS = 32;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemText() {
    }

    /**
     * @param text   the whole PEM text
     * @param source where it came from, for messages
     * @return the blocks in order, never empty
     * @throws TlsMaterialException naming the line and the problem
     */
    public static List<PemBlock> blocks(String text, String source) throws TlsMaterialException {
        if (text.length() > MAX_CHARS) {
            throw new TlsMaterialException(source, "longer than " + MAX_CHARS + " characters, not a PEM file");
        }
        List<PemBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        String label = null;
        int begin = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (label == null) {
                if (line.startsWith(BEGIN)) {
                    label = label(line, BEGIN, number, source);
                    begin = number;
                    body.setLength(0);
                }
                continue;
            }
            if (line.startsWith(END)) {
                String closing = label(line, END, number, source);
                if (!closing.equals(label)) {
                    throw new TlsMaterialException(source, "line " + number + ": END " + closing
                            + " does not close BEGIN " + label + " at line " + begin);
                }
                if (blocks.size() == MAX_BLOCKS) {
                    throw new TlsMaterialException(source, "more than " + MAX_BLOCKS + " PEM blocks");
                }
                blocks.add(new PemBlock(label, begin, decode(body, label, begin, source)));
                label = null;
            } else if (line.startsWith(BEGIN)) {
                throw new TlsMaterialException(source, "line " + number + ": BEGIN inside the " + label
                        + " block at line " + begin + ", which has no END line");
            } else if (line.startsWith("Proc-Type:") || line.startsWith("DEK-Info:")) {
                throw new TlsMaterialException(source, "line " + number + ": the " + label + " block at line "
                        + begin + " uses OpenSSL's legacy encryption (" + line.substring(0, line.indexOf(':'))
                        + "), which is not read; convert it with: openssl pkcs8 -topk8 -in old.pem -out new.pem");
            } else if (!line.isEmpty()) {
                if (!base64(line)) {
                    throw new TlsMaterialException(source, "line " + number + ": not base64 inside the " + label
                            + " block at line " + begin);
                }
                body.append(line);
            }
        }
        if (label != null) {
            throw new TlsMaterialException(source, "the " + label + " block at line " + begin
                    + " has no END line");
        }
        if (blocks.isEmpty()) {
            throw new TlsMaterialException(source, "no PEM block (-----BEGIN ...-----) found");
        }
        return List.copyOf(blocks);
    }

    private static String label(String line, String marker, int number, String source) throws TlsMaterialException {
        if (!line.endsWith(DASHES) || line.length() < marker.length() + DASHES.length()) {
            throw new TlsMaterialException(source, "line " + number + ": a " + marker.substring(5).strip()
                    + " line must end with -----");
        }
        String label = line.substring(marker.length(), line.length() - DASHES.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '-')) {
                throw new TlsMaterialException(source, "line " + number + ": a PEM label is upper-case letters, "
                        + "digits, spaces and hyphens");
            }
        }
        if (label.isEmpty()) {
            throw new TlsMaterialException(source, "line " + number + ": empty PEM label");
        }
        return label;
    }

    private static boolean base64(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] decode(CharSequence body, String label, int begin, String source)
            throws TlsMaterialException {
        if (body.isEmpty()) {
            throw new TlsMaterialException(source, "the " + label + " block at line " + begin + " is empty");
        }
        try {
            return Base64.getDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            throw new TlsMaterialException(source, "the " + label + " block at line " + begin
                    + " is not valid base64 (" + e.getMessage() + ")");
        }
    }
}
