package headwater.api.xtream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.util.List;

/** Writes the {@link PlayerApiWire} shapes: fields in declaration order, nulls written, nothing escaped that PHP keeps. */
final class PlayerApiJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private PlayerApiJson() {
    }

    /**
     * JSON kept off the heap to be sent many times: every response writes a view of the same memory, so sending it
     * copies nothing (a heap array would be copied into a heap buffer, then into a direct one, on every response).
     * Freed by the garbage collector once no response in flight refers to it.
     */
    record Kept(ByteBuffer direct) {

        static Kept of(byte[] json) {
            return new Kept(ByteBuffer.allocateDirect(json.length).put(json).flip());
        }

        /** A buffer for one response: its own view of the memory (position and limit of its own). */
        Buffer buffer() {
            return BufferInternal.buffer(Unpooled.wrappedBuffer(direct.duplicate()));
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON array of values already written: {@code [a,b,c]}, byte for byte what {@link #write} makes of a list. */
    static byte[] array(List<byte[]> elements) {
        int size = 2 + Math.max(0, elements.size() - 1);
        for (byte[] element : elements) {
            size += element.length;
        }
        byte[] out = new byte[size];
        out[0] = '[';
        int at = 1;
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            byte[] element = elements.get(i);
            System.arraycopy(element, 0, out, at, element.length);
            at += element.length;
        }
        out[at] = ']';
        return out;
    }
}
