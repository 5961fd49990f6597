package headwater.delivery;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes of each channel's current playlists as off-heap buffers, for one event loop, so that serving a playlist
 * copies nothing: the headend publishes a new array for every version ({@link Playlist.Ready}), so the array's
 * identity is the version. Every response writes a read-only slice of the same memory.
 *
 * <p>The memory is a plain direct {@link ByteBuffer}: freed by the garbage collector once no response in flight
 * refers to it, never released by hand while a write might still use it. Runs on the owning event loop only.
 */
final class PlaylistBuffers {

    private final Map<String, Version> multivariant = new HashMap<>();
    private final Map<String, Version> media = new HashMap<>();

    Buffer multivariant(String channel, byte[] body) {
        return buffer(multivariant, channel, body);
    }

    Buffer media(String channel, byte[] body) {
        return buffer(media, channel, body);
    }

    private static Buffer buffer(Map<String, Version> versions, String channel, byte[] body) {
        Version current = versions.get(channel);
        if (current != null && current.body == body) {
            return current.buffer;
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(body.length).put(body).flip();
        Version next = new Version(body, BufferInternal.buffer(Unpooled.wrappedBuffer(direct)));
        versions.put(channel, next);
        return next.buffer;
    }

    /** One playlist version: the headend's array (compared by identity) and its off-heap copy. */
    private record Version(byte[] body, Buffer buffer) {
    }
}
