package headwater.app.protect;

import headwater.app.config.HeadwaterConfig;
import headwater.domain.protect.FieldCipher;
import headwater.security.crypto.Envelope;
import headwater.store.Database;
import headwater.store.protect.JdbiDataKeyRepository;
import headwater.store.protect.JdbiSealedColumns;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption at rest of one opened store: the master key resolved, the data keys opened (the first made), values
 * stored before sealing sealed. What the repositories that keep secrets or personal data are given.
 *
 * @param cipher   the {@link FieldCipher} for the repositories
 * @param envelope the cipher underneath, for the rotations
 * @param source   where the master key came from
 */
public record AtRest(FieldCipher cipher, Envelope envelope, MasterKeySource source) {

    private static final Logger LOG = LoggerFactory.getLogger(AtRest.class);

    /**
     * Blocking (database). Fails when the master key does not open the stored data keys, naming the key file or
     * variable: nothing sealed could be read, and nothing must be sealed under a second key set.
     *
     * @throws IllegalStateException the master key does not match the stored data keys
     */
    public static AtRest open(HeadwaterConfig config, Database database, Map<String, String> env, Clock clock) {
        MasterKeySource source = MasterKeySource.resolve(config, env);
        if (source.created()) {
            LOG.info("Made the master key {} in {}: back it up apart from the database", source.key().fingerprint(),
                    source.origin());
        }
        return open(source, database, clock);
    }

    /** As {@link #open(HeadwaterConfig, Database, Map, Clock)} with the master key given. */
    public static AtRest open(MasterKeySource source, Database database, Clock clock) {
        Envelope envelope;
        try {
            envelope = Envelope.open(source.key(), new StoredDataKeys(new JdbiDataKeyRepository(database)), clock);
        } catch (headwater.security.crypto.UnsealableException e) {
            String interrupted = source.file().map(f -> f.resolveSibling(f.getFileName() + ".new"))
                    .filter(java.nio.file.Files::exists)
                    .map(f -> " (" + f + " is left from an interrupted keys rotate-master: if the data keys are "
                            + "wrapped under it, move it to " + source.origin() + ")").orElse("");
            throw new IllegalStateException("the master key from " + source.origin() + " (" + source.key().fingerprint()
                    + ") does not open the data keys stored in " + database.description() + ": " + e.getMessage()
                    + ". Point security.masterKeyFile or $HEADWATER_MASTER_KEY_FILE at the key this database was "
                    + "sealed under" + interrupted, e);
        }
        AtRest atRest = new AtRest(new EnvelopeFieldCipher(envelope), envelope, source);
        int sealed = new ColumnSealing(new JdbiSealedColumns(database), atRest.cipher).sealPlaintext();
        if (sealed > 0) {
            LOG.info("Sealed {} value(s) stored in plaintext before", sealed);
        }
        return atRest;
    }
}
