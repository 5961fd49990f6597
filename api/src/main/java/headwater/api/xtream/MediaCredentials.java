package headwater.api.xtream;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Who a media URL says is asking: a username and password (the protocol's own form) or a playlist token in their
 * place. {@link #toString()} never shows the secret, so a credential that ends up in a log or an assertion message
 * leaks nothing.
 */
sealed interface MediaCredentials {

    /** Checks them with {@code login}. Blocking. */
    XtreamLogin.Result check(XtreamLogin login, InetAddress client);

    /** {@code /live/{username}/{password}/…}, {@code timeshift.php?username=…&password=…}. */
    record Password(String username, String password) implements MediaCredentials {
        public Password {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public XtreamLogin.Result check(XtreamLogin login, InetAddress client) {
            return login.password(username, password, client);
        }

        @Override
        public String toString() {
            return "Password[username=" + username + ", password=***]";
        }
    }

    /** {@code /live/{token}/…}, {@code timeshift.php?token=…}: a per-device playlist token. */
    record Token(String token) implements MediaCredentials {
        public Token {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public XtreamLogin.Result check(XtreamLogin login, InetAddress client) {
            return login.token(token, client);
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }
}
