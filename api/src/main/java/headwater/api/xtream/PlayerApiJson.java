package headwater.api.xtream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Writes the {@link PlayerApiWire} shapes: fields in declaration order, nulls written, nothing escaped that PHP keeps. */
final class PlayerApiJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private PlayerApiJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
