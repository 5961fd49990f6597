package headwater.headend.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Read-only mappings of the files that {@code file://} sources loop, one per file version for the whole JVM however
 * many channels play it: fifty channels of one file map it once, so its pages count once in the process's memory.
 * A mapping is made by the first {@link #map} of a version (the file's identity, size and modification time) and
 * let go when the last {@link Mapping} of it is closed (the JVM unmaps it when it collects the buffers); a file replaced
 * or rewritten meanwhile is a new version, mapped anew by the next source that opens it.
 *
 * <p>A file cut shorter while it is mapped makes a read of the lost pages fail with {@link InternalError} (the JVM's
 * answer to the SIGBUS), which the source turns into an I/O error.
 */
final class MappedFiles {
    private static final Map<Version, Shared> MAPPED = new HashMap<>();

    private MappedFiles() {}

    /** What identifies one version of a file. */
    private record Version(Object fileKey, Path path, long size, FileTime modified) {
        static Version of(Path path, BasicFileAttributes attributes) throws IOException {
            Object key = attributes.fileKey();
            return new Version(key, key == null ? path.toRealPath() : null, attributes.size(),
                    attributes.lastModifiedTime());
        }
    }

    private static final class Shared {
        final FileBytes bytes;
        int users;

        Shared(FileBytes bytes) {
            this.bytes = bytes;
        }
    }

    /** One user's hold on a mapped file version; {@link #close} once. */
    static final class Mapping implements AutoCloseable {
        private final Version version;
        private final Shared shared;
        private boolean closed;

        private Mapping(Version version, Shared shared) {
            this.version = version;
            this.shared = shared;
        }

        /** The whole file. */
        FileBytes bytes() {
            return shared.bytes;
        }

        /** Whether the file at {@code path} is still this version (same file, size and modification time). */
        boolean isCurrent(Path path) {
            try {
                return version.equals(Version.of(path, Files.readAttributes(path, BasicFileAttributes.class)));
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() {
            synchronized (MAPPED) {
                if (closed) {
                    return;
                }
                closed = true;
                if (--shared.users == 0) {
                    MAPPED.remove(version, shared);
                }
            }
        }
    }

    /** Maps the file open on {@code channel} (read-only), found at {@code path}, or shares its existing mapping. */
    static Mapping map(Path path, FileChannel channel) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        Version version = Version.of(path, attributes);
        synchronized (MAPPED) {
            Shared shared = MAPPED.get(version);
            if (shared == null) {
                shared = new Shared(FileBytes.map(channel, Math.min(channel.size(), attributes.size())));
                MAPPED.put(version, shared);
            }
            shared.users++;
            return new Mapping(version, shared);
        }
    }
}
