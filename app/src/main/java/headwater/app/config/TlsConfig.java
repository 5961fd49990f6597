package headwater.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTPS on the server's port ({@code tls.*}). On by default, with a self-signed certificate made at first start for
 * this host's names and addresses and kept under the data directory; or the operator's PEM files
 * ({@code certificate} and {@code privateKey}) or PKCS#12 keystore, which are read again when they change.
 * {@link #toString} never shows a password.
 *
 * @param enabled            HTTPS (true) or plain HTTP (false: only behind a proxy that terminates TLS)
 * @param certificate        PEM certificate chain, the server's own first; with {@code privateKey}
 * @param privateKey         PEM private key (PKCS#8, PKCS#1 or SEC 1; PKCS#8 encrypted with {@code privateKeyPassword})
 * @param privateKeyPassword the password of an encrypted private key
 * @param keystore           PKCS#12 keystore instead of the PEM files
 * @param keystorePassword   its password
 * @param hostNames          extra DNS names for the self-signed certificate (the host's own name, localhost and
 *                           every address of the host are always in it)
 * @param hstsMaxAge         {@code Strict-Transport-Security: max-age}; 0 tells browsers to forget it
 * @param reloadInterval     how often the operator's files are checked for a change
 */
public record TlsConfig(boolean enabled, Optional<Path> certificate, Optional<Path> privateKey,
                        Optional<String> privateKeyPassword, Optional<Path> keystore, Optional<String> keystorePassword,
                        List<String> hostNames, Duration hstsMaxAge, Duration reloadInterval) {

    public static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(10);
    /** Where the self-signed certificate is kept, under the data directory. */
    public static final Path SELF_SIGNED_DIR = Path.of("tls");

    public TlsConfig {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(privateKeyPassword, "privateKeyPassword");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        hostNames = List.copyOf(hostNames);
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
    }

    /** HTTPS with a self-signed certificate: what a server with no configuration does. */
    public static TlsConfig defaults() {
        return new TlsConfig(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), DEFAULT_HSTS_MAX_AGE, DEFAULT_RELOAD_INTERVAL);
    }

    /** Plain HTTP: for a server behind a proxy that terminates TLS, and for tests that are not about TLS. */
    public static TlsConfig off() {
        return new TlsConfig(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), DEFAULT_HSTS_MAX_AGE, DEFAULT_RELOAD_INTERVAL);
    }

    /** The operator's PEM files. */
    public static TlsConfig pem(Path certificate, Path privateKey) {
        return new TlsConfig(true, Optional.of(certificate), Optional.of(privateKey), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), DEFAULT_HSTS_MAX_AGE, DEFAULT_RELOAD_INTERVAL);
    }

    public TlsConfig withReloadInterval(Duration interval) {
        return new TlsConfig(enabled, certificate, privateKey, privateKeyPassword, keystore, keystorePassword,
                hostNames, hstsMaxAge, interval);
    }

    /** Whether the certificate is made here rather than given by the operator. */
    public boolean selfSigned() {
        return certificate.isEmpty() && keystore.isEmpty();
    }

    @Override
    public String toString() {
        return "TlsConfig[enabled=" + enabled + ", certificate=" + certificate + ", privateKey=" + privateKey
                + ", privateKeyPassword=" + privateKeyPassword.map(p -> "(set)").orElse("(none)") + ", keystore="
                + keystore + ", keystorePassword=" + keystorePassword.map(p -> "(set)").orElse("(none)")
                + ", hostNames=" + hostNames + ", hstsMaxAge=" + hstsMaxAge + ", reloadInterval=" + reloadInterval
                + "]";
    }
}
