package headwater.headend.source;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A URI as it may appear in logs, metrics and error messages: the password of the user info and the values of
 * secret-looking query parameters (and of the credential headers of a fragment, {@code #cookie=…}) are replaced by
 * {@code ***}. Works on nested URIs too ({@code ffmpeg:rtmp://u:p@h}).
 */
public record MaskedUri(URI uri) {

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?#]*):[^/@?#]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&#](?:password|passwd|pwd|pass|passphrase|token|access_token|key|secret|auth|sig|signature"
                    + "|streamid|api_key|apikey|cookie|authorization|proxy-authorization)=)[^&#]*");

    /** Masks every URI-looking secret inside arbitrary text, such as an ffmpeg error line. */
    public static String mask(String text) {
        String masked = USER_INFO.matcher(text).replaceAll("$1:***@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return mask(uri.toString());
    }
}
