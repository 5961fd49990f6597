package headwater.security.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-signed identity kept in a directory ({@code server.crt} and {@code server.key}, 0600): made at first
 * start, reused afterwards so that clients that trusted it keep trusting it, and made anew when it no longer covers
 * the names wanted, expires within {@link #RENEW_BEFORE}, or cannot be read.
 */
public final class SelfSignedStore {

    public static final String CERTIFICATE_FILE = "server.crt";
    public static final String KEY_FILE = "server.key";
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedStore.class);

    private final Path certificateFile;
    private final Path keyFile;

    public SelfSignedStore(Path directory) {
        this.certificateFile = directory.resolve(CERTIFICATE_FILE);
        this.keyFile = directory.resolve(KEY_FILE);
    }

    public Path certificateFile() {
        return certificateFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    /**
     * The stored identity when it is still good for {@code wanted}, else a new one, written before it is returned.
     *
     * @throws UncheckedIOException when the new one cannot be written
     */
    public TlsIdentity loadOrCreate(SubjectNames wanted, Clock clock, Duration validity) {
        Instant now = clock.instant();
        Optional<TlsIdentity> stored = stored();
        if (stored.isPresent()) {
            TlsIdentity identity = stored.get();
            Instant expires = identity.leaf().getNotAfter().toInstant();
            boolean fresh = expires.isAfter(now.plus(RENEW_BEFORE));
            boolean covers = SelfSignedCertificate.namesOf(identity.leaf()).covers(wanted);
            if (fresh && covers) {
                return identity;
            }
            LOG.info("making a new self-signed certificate: the one in {} {}", certificateFile,
                    fresh ? "does not cover " + wanted : "expires at " + expires);
        } else {
            LOG.info("making a self-signed certificate in {} for {}", certificateFile, wanted);
        }
        TlsIdentity made = SelfSignedCertificate.generate(wanted, now, validity);
        try {
            PemWriter.write(made, certificateFile, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the self-signed certificate to " + certificateFile, e);
        }
        return made;
    }

    private Optional<TlsIdentity> stored() {
        if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PemIdentityReader.read(certificateFile, keyFile, Optional.empty()));
        } catch (TlsMaterialException e) {
            LOG.warn("the stored self-signed certificate is not usable, making a new one: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
