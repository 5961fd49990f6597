package headwater.api.identity;

/** Bounds on what a login form may carry, checked before any lookup (no Argon2id over megabytes). */
final class Credentials {

    static final int MAX_USERNAME = 64;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_CODE = 40;

    private Credentials() {
    }

    /** Whether username and password are present and none of the three is too long. */
    static boolean plausible(String username, String password, String code) {
        return username != null && password != null && !username.isEmpty() && !password.isEmpty()
                && username.length() <= MAX_USERNAME && password.length() <= MAX_PASSWORD
                && (code == null || code.length() <= MAX_CODE);
    }
}
