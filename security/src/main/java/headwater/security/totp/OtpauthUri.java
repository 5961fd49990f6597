package headwater.security.totp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://} URI of a TOTP enrolment in Google Authenticator's Key Uri Format, which every authenticator
 * app reads from a QR code: {@code otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&algorithm=SHA1
 * &digits=6&period=30}. Label and issuer are percent-encoded (RFC 3986, UTF-8; a space is {@code %20}, as the format
 * asks); a colon in either would split the label wrongly and is refused.
 */
public final class OtpauthUri {

    private OtpauthUri() {
    }

    /**
     * @param issuer  who the code is for, e.g. {@code Headwater}
     * @param account the account name shown in the app, e.g. the username
     * @throws IllegalArgumentException issuer or account empty, longer than 128 characters, or with a colon
     */
    public static String of(String issuer, String account, TotpKey key) {
        check("issuer", issuer);
        check("account", account);
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + key.base32() + "&issuer="
                + encode(issuer) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static void check(String what, String value) {
        if (value == null || value.isBlank() || value.length() > 128 || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the otpauth " + what + " must be 1 to 128 characters without ':'");
        }
    }

    /** Percent-encoding of everything but RFC 3986's unreserved characters. */
    static String encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.write(b);
            } else {
                out.writeBytes(String.format("%%%02X", b & 0xff).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
