package headwater.app.protect;

import headwater.domain.protect.DataKey;
import headwater.security.crypto.Envelope;
import headwater.security.crypto.MasterKey;
import headwater.security.crypto.MasterKeyFile;
import headwater.store.Database;
import headwater.store.protect.JdbiDataKeyRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Re-wraps every data key under a new master key ({@code headwater keys rotate-master}). The database is changed in one
 * transaction; the key file after it, so a failure before the commit leaves the old key in force and a failure after
 * it leaves the new key in {@code <file>.new} (named in the error) for the operator to move into place.
 *
 * @param previous   the master key in force before
 * @param next       the new master key
 * @param keyFile    where the new key is now
 * @param oldKeyFile where the previous key was kept (when the key file in use was replaced)
 * @param rewrapped  how many data keys were re-wrapped
 */
public record MasterKeyRotation(MasterKey previous, MasterKey next, Path keyFile, Optional<Path> oldKeyFile,
                                int rewrapped) {

    /**
     * @param atRest     the store's encryption, opened under the master key in force
     * @param newKeyFile where to put (or read, if it exists) the new key; empty: replace the key file in use
     * @throws IllegalArgumentException no {@code newKeyFile} while the master key comes from the environment
     */
    public static MasterKeyRotation rotate(AtRest atRest, Database database, Optional<Path> newKeyFile, Clock clock) {
        MasterKeySource source = atRest.source();
        if (newKeyFile.isEmpty() && source.file().isEmpty()) {
            throw new IllegalArgumentException("the master key comes from " + source.origin() + ": give --new-key-file "
                    + "FILE for the new key, and point $HEADWATER_MASTER_KEY_FILE at it (or set the variable to it) "
                    + "before the next start");
        }
        Path target = newKeyFile.map(p -> p.toAbsolutePath().normalize()).orElseGet(() -> source.file().orElseThrow());
        Path staging = newKeyFile.isPresent() ? target : target.resolveSibling(target.getFileName() + ".new");
        MasterKey next = Files.exists(staging) ? MasterKeyFile.read(staging) : MasterKey.generate();
        if (next.equals(source.key())) {
            throw new IllegalArgumentException("the new master key in " + staging + " is the key in force");
        }
        if (!Files.exists(staging)) {
            MasterKeyFile.write(staging, next, false);
        }
        Envelope envelope = atRest.envelope();
        JdbiDataKeyRepository repository = new JdbiDataKeyRepository(database);
        List<DataKey> rewrapped = envelope.rewrappedUnder(next).stream().map(StoredDataKeys::stored).toList();
        repository.rewrap(rewrapped);
        Envelope.open(next, new StoredDataKeys(repository), clock);
        Optional<Path> old = Optional.empty();
        if (newKeyFile.isEmpty()) {
            Path oldFile = target.resolveSibling(target.getFileName() + ".old");
            try {
                MasterKeyFile.write(oldFile, source.key(), true);
                MasterKeyFile.write(target, next, true);
                Files.deleteIfExists(staging);
            } catch (java.io.IOException | RuntimeException e) {
                throw new IllegalStateException("the data keys are now wrapped under the new master key in " + staging
                        + ", but it could not be moved to " + target + " (" + e + "): move it there by hand before "
                        + "the next start", e);
            }
            old = Optional.of(oldFile);
        }
        return new MasterKeyRotation(source.key(), next, target, old, rewrapped.size());
    }
}
