package headwater.app.wiring;

import headwater.app.config.ConfigException;
import headwater.app.config.TlsConfig;
import headwater.delivery.DeliveryServer;
import headwater.delivery.HttpsSettings;
import headwater.delivery.ServerCertificate;
import headwater.security.tls.PemIdentityReader;
import headwater.security.tls.Pkcs12IdentityReader;
import headwater.security.tls.SelfSignedCertificate;
import headwater.security.tls.SelfSignedStore;
import headwater.security.tls.SubjectNames;
import headwater.security.tls.TlsIdentity;
import headwater.security.tls.TlsMaterialException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's certificate as {@code tls.*} says: the operator's PEM files or PKCS#12 keystore, else a self-signed
 * one kept in {@code <dataDir>/tls/} ({@link SelfSignedStore}) for this host's names and addresses, the configured
 * {@code tls.hostNames} and a named {@code server.host}. {@link #watch} reads the operator's files again when their
 * bytes change and hands the new certificate to the running delivery server; a file that is half-written or wrong
 * is logged and the old certificate stays. A self-signed certificate is checked twice a day and made anew, without a
 * restart, when {@link SelfSignedStore} would renew it (30 days before it expires).
 */
public final class ServerTls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    /** How often a self-signed certificate is checked for renewal. */
    static final java.time.Duration SELF_SIGNED_CHECK = java.time.Duration.ofHours(12);

    private final TlsConfig config;
    private final List<Path> files;
    private final Path certificateFile;
    private final Optional<SelfSigned> selfSigned;
    private volatile TlsIdentity identity;
    private ScheduledExecutorService watcher;
    private byte[] fingerprint;
    /** The files' fingerprint that last failed to load: not read (nor logged) again until they change once more. */
    private byte[] refused = new byte[0];

    /** Where a self-signed certificate is kept, what it is for, and the clock that decides when it is due. */
    private record SelfSigned(SelfSignedStore store, SubjectNames names, Clock clock) {
    }

    private ServerTls(TlsConfig config, List<Path> files, Path certificateFile, Optional<SelfSigned> selfSigned,
                      TlsIdentity identity, byte[] fingerprint) {
        this.config = config;
        this.files = files;
        this.certificateFile = certificateFile;
        this.selfSigned = selfSigned;
        this.identity = identity;
        this.fingerprint = fingerprint;
    }

    /**
     * Reads or makes the certificate.
     *
     * @param serverHost {@code server.host}, added to a self-signed certificate's names when it is a DNS name
     * @throws ConfigException naming the {@code tls.*} key whose file cannot be used, and why
     */
    public static ServerTls open(TlsConfig config, Path dataDir, String serverHost, Clock clock) {
        if (!config.selfSigned()) {
            List<Path> files = operatorFiles(config);
            byte[] fingerprint = fingerprint(files);
            return new ServerTls(config, files, files.getFirst(), Optional.empty(), read(config), fingerprint);
        }
        List<String> names = new ArrayList<>(config.hostNames());
        String host = serverHost.toLowerCase(java.util.Locale.ROOT);
        if (SubjectNames.validDnsName(host) && !host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            names.add(host);
        }
        SelfSigned selfSigned = new SelfSigned(new SelfSignedStore(dataDir.resolve(TlsConfig.SELF_SIGNED_DIR)),
                SubjectNames.ofThisHost(names), clock);
        TlsIdentity made;
        try {
            made = selfSigned.store().loadOrCreate(selfSigned.names(), clock, SelfSignedCertificate.DEFAULT_VALIDITY);
        } catch (UncheckedIOException e) {
            throw new ConfigException("tls: " + e.getMessage() + ": " + e.getCause().getMessage());
        }
        return new ServerTls(config, List.of(), selfSigned.store().certificateFile(), Optional.of(selfSigned), made,
                new byte[0]);
    }

    /** What delivery needs to serve HTTPS. */
    public HttpsSettings settings() {
        return new HttpsSettings(serverCertificate(identity), config.hstsMaxAge());
    }

    /** The PEM file (or keystore) that holds the certificate clients should trust. */
    public Path certificateFile() {
        return certificateFile;
    }

    /** The certificate presented now. */
    public TlsIdentity identity() {
        return identity;
    }

    /**
     * Checks the operator's files every {@code tls.reloadInterval} (a self-signed certificate every
     * {@link #SELF_SIGNED_CHECK}) and updates {@code delivery} when they change.
     */
    public synchronized void watch(DeliveryServer delivery) {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        long millis = selfSigned.isPresent() ? SELF_SIGNED_CHECK.toMillis() : config.reloadInterval().toMillis();
        watcher.scheduleWithFixedDelay(() -> {
            if (selfSigned.isPresent()) {
                renewIfDue(delivery, selfSigned.get());
            } else {
                reloadIfChanged(delivery);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void renewIfDue(DeliveryServer delivery, SelfSigned self) {
        try {
            TlsIdentity kept = self.store().loadOrCreate(self.names(), self.clock(),
                    SelfSignedCertificate.DEFAULT_VALIDITY);
            if (!kept.leaf().equals(identity.leaf())) {
                delivery.updateCertificate(serverCertificate(kept));
                identity = kept;
                LOG.info("self-signed TLS certificate renewed: {}", kept);
            }
        } catch (RuntimeException e) {
            LOG.warn("self-signed TLS certificate renewal failed, keeping the current certificate: {}", e.toString());
        }
    }

    private void reloadIfChanged(DeliveryServer delivery) {
        try {
            byte[] now = fingerprint(files);
            if (MessageDigest.isEqual(now, fingerprint) || MessageDigest.isEqual(now, refused)) {
                return;
            }
            refused = now;
            TlsIdentity fresh = read(config);
            delivery.updateCertificate(serverCertificate(fresh));
            identity = fresh;
            fingerprint = now;
            refused = new byte[0];
            LOG.info("TLS certificate reloaded from {}: {}", files, fresh);
        } catch (ConfigException e) {
            LOG.warn("TLS certificate files changed but cannot be used, keeping the current certificate: {}",
                    String.join("; ", e.problems()));
        } catch (RuntimeException e) {
            LOG.warn("TLS certificate reload failed, keeping the current certificate: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    private static TlsIdentity read(TlsConfig config) {
        try {
            if (config.keystore().isPresent()) {
                return Pkcs12IdentityReader.read(config.keystore().get(),
                        config.keystorePassword().orElse("").toCharArray());
            }
            return PemIdentityReader.read(config.certificate().orElseThrow(), config.privateKey().orElseThrow(),
                    config.privateKeyPassword().map(String::toCharArray));
        } catch (TlsMaterialException e) {
            throw new ConfigException(keyOf(config, e.source()) + ": " + e.getMessage());
        }
    }

    private static String keyOf(TlsConfig config, String source) {
        if (config.keystore().isPresent()) {
            return "tls.keystore";
        }
        return config.privateKey().map(Path::toString).filter(source::equals).isPresent()
                ? "tls.privateKey" : "tls.certificate";
    }

    private static List<Path> operatorFiles(TlsConfig config) {
        return config.keystore().map(List::of)
                .orElseGet(() -> List.of(config.certificate().orElseThrow(), config.privateKey().orElseThrow()));
    }

    /** SHA-256 over the files' bytes: a change of content, whatever happened to the modification time. */
    private static byte[] fingerprint(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (IOException e) {
            return new byte[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static ServerCertificate serverCertificate(TlsIdentity identity) {
        return new ServerCertificate(identity.privateKey(), identity.chain());
    }

    /** Empty when TLS is off. */
    public static Optional<ServerTls> ifEnabled(TlsConfig config, Path dataDir, String serverHost, Clock clock) {
        return config.enabled() ? Optional.of(open(config, dataDir, serverHost, clock)) : Optional.empty();
    }
}
