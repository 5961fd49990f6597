package headwater.api.identity;

import java.util.List;

/**
 * The HTML of the first-run page: small, self-contained, no script, every value escaped. Served with a CSP that
 * allows nothing but inline style and same-origin form posts.
 */
final class SetupPage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private SetupPage() {
    }

    static String account(String message) {
        return page("Create the first administrator", notice(message)
                + "<p>No administrator exists yet. Enter the one-time setup code printed in the server's log, then a"
                + " username and a password of at least 12 characters (not a common one).</p>"
                + "<form method=\"post\" action=\"" + FirstRunSetup.PATH + "\">"
                + field("Setup code", "setupCode", "text", "one-time-code")
                + field("Username", "username", "text", "username")
                + field("Password", "password", "password", "new-password")
                + field("Password again", "password2", "password", "new-password")
                + "<button type=\"submit\">Continue</button></form>");
    }

    static String enrol(String message, String setupCode, String pending, String qrSvg, String manualKey,
                        String username) {
        return page("Two-factor authentication", notice(message)
                + "<p>Scan this code with an authenticator app (or type the key), then enter the six digits it shows"
                + " for <b>" + escape(username) + "</b>.</p>" + qrSvg
                + "<p>Key: <code>" + escape(manualKey) + "</code></p>"
                + "<form method=\"post\" action=\"" + FirstRunSetup.PATH + "confirm\">"
                + "<input type=\"hidden\" name=\"setupCode\" value=\"" + escape(setupCode) + "\">"
                + "<input type=\"hidden\" name=\"pending\" value=\"" + escape(pending) + "\">"
                + field("Code from the app", "code", "text", "one-time-code")
                + "<button type=\"submit\">Create the administrator</button></form>");
    }

    static String done(String username, List<String> recoveryCodes) {
        StringBuilder codes = new StringBuilder("<ul>");
        recoveryCodes.forEach(code -> codes.append("<li><code>").append(escape(code)).append("</code></li>"));
        return page("Administrator created", "<p>The administrator <b>" + escape(username) + "</b> exists and this"
                + " page is closed. Log in with the password and a code from the app.</p>"
                + "<p>Recovery codes, each good for one login without the app. They are shown this once: keep them"
                + " apart from the password.</p>" + codes + "</ul>");
    }

    static String closed() {
        return page("Setup is closed", "<p>An administrator exists, or the setup code was mistyped too often (restart"
                + " the server for a new one). Use <code>./headwater admin create</code> on the server instead.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Headwater: " + escape(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width\"><style>body{font-family:sans-serif;"
                + "max-width:32rem;margin:2rem auto}label{display:block;margin:.6rem 0}input{width:100%}svg{width:"
                + "14rem;height:14rem}.notice{color:#a00}</style></head><body><h1>" + escape(title) + "</h1>" + body
                + "</body></html>";
    }

    private static String field(String label, String name, String type, String autocomplete) {
        return "<label>" + escape(label) + " <input name=\"" + name + "\" type=\"" + type + "\" autocomplete=\""
                + autocomplete + "\" required></label>";
    }

    private static String notice(String message) {
        return message == null ? "" : "<p class=\"notice\">" + escape(message) + "</p>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
