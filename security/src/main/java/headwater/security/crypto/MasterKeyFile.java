package headwater.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master key kept in a file: one line, the base64 of 32 random bytes, readable by its owner only ({@code 0600}).
 * A file that others may read is used but warned about.
 */
public final class MasterKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private MasterKeyFile() {
    }

    /**
     * Reads the key in {@code file}.
     *
     * @throws UncheckedIOException     the file cannot be read
     * @throws IllegalArgumentException it does not hold a key (the message names the file, not its content)
     */
    public static MasterKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file + ": " + e.getMessage(), e);
        }
        warnIfShared(file);
        try {
            return MasterKey.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key file " + file + " does not hold a key: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads the key in {@code file}, or, when there is no such file, makes a new random key and writes it there
     * (owner-only, created exclusively: two processes starting at once end up with the same key).
     *
     * @return the key, and whether it was made now
     */
    public static Loaded readOrCreate(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            MasterKey key = MasterKey.generate();
            try {
                write(file, key, false);
                return new Loaded(key, true);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                    throw e;
                }
            }
        }
        return new Loaded(read(file), false);
    }

    /**
     * Writes {@code key} to {@code file} readable by its owner only: to a temporary file beside it first, then moved
     * into place atomically, so a crash never leaves half a key.
     *
     * @param replace whether an existing file is replaced; if not, an existing file fails with
     *                {@link FileAlreadyExistsException} as the cause
     */
    public static void write(Path file, MasterKey key, boolean replace) {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Files.deleteIfExists(temporary);
            if (posix(absolute.getParent())) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, key.toBase64() + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            if (replace) {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link fails if the target exists, where an atomic move would replace it.
                Files.createLink(absolute, temporary);
                Files.delete(temporary);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw new UncheckedIOException("cannot write the master key file " + absolute + ": " + e, e);
        }
    }

    private static boolean posix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    private static void warnIfShared(Path file) {
        try {
            if (posix(file.toAbsolutePath().getParent())) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    LOG.warn("The master key file {} can be read by others ({}): chmod 600 it",
                            file, PosixFilePermissions.toString(permissions));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot read the permissions of {}: {}", file, e.toString());
        }
    }

    /** A key read or made by {@link #readOrCreate}. */
    public record Loaded(MasterKey key, boolean created) {
    }
}
