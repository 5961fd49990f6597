package headwater.store;

import java.util.regex.Pattern;

/** Reads and masks JDBC URLs. */
final class JdbcUrls {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?#]*:)[^@/?#]*@");
    private static final Pattern POSTGRESQL_HOST = Pattern.compile("(?i)^jdbc:postgresql://([^/?#]*)");

    private JdbcUrls() {
    }

    static String mask(String url) {
        if (url == null) {
            return null;
        }
        return USER_INFO.matcher(PASSWORD_PARAMETER.matcher(url).replaceAll("$1***")).replaceAll("$1***@");
    }

    private static final Pattern CREDENTIALS = Pattern.compile("([^\\s/:@]+):[^\\s@/]*@");

    /** Masks {@code user:password@} anywhere in a text, such as a driver's message quoting the URL's host part. */
    static String maskCredentials(String text) {
        return text == null ? null : CREDENTIALS.matcher(text).replaceAll("$1:***@");
    }

    /** The host[:port] part of a PostgreSQL URL (without credentials), or "localhost:5432" when the URL names none. */
    static String postgresqlHost(String url) {
        var matcher = POSTGRESQL_HOST.matcher(url);
        if (!matcher.find() || matcher.group(1).isEmpty()) {
            return "localhost:5432";
        }
        String host = matcher.group(1);
        int at = host.lastIndexOf('@');
        return at >= 0 ? host.substring(at + 1) : host;
    }
}
