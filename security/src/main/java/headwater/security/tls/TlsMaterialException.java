package headwater.security.tls;

/**
 * A certificate, key or keystore that cannot be used, with where it came from and what is wrong: no certificate, a
 * block that is not base64, a key that does not belong to the certificate, a wrong password. The message never holds
 * key material or a password.
 */
public final class TlsMaterialException extends Exception {

    private final String source;

    /**
     * @param source the file (or other origin) of the material
     * @param reason what is wrong with it
     */
    public TlsMaterialException(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
    }

    public TlsMaterialException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
        this.source = source;
    }

    /** Where the material came from, e.g. the file name. */
    public String source() {
        return source;
    }
}
