package headwater.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Reads request bodies strictly and writes answers safely, with one Jackson mapper.
 *
 * <p>Reading binds to request records only, and refuses what a lenient binder would guess at: unknown fields (no
 * mass assignment: a client cannot set {@code version} or {@code created} by adding them), duplicate keys, trailing
 * content, strings for numbers or booleans, fractions for integers, numbers for enums. Every refusal is an
 * {@link ApiException} naming the field (its JSON path) or, for malformed JSON, the line, column and byte offset.
 *
 * <p>Writing escapes {@code < > & '} as {@code \u003C} and friends, so a value holding markup is returned verbatim
 * (it decodes to the same string) but can never be sniffed as HTML.
 */
final class Json {

    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setCharacterEscapes(new MarkupEscapes());
        return mapper;
    }

    /**
     * Binds a UTF-8 JSON body to {@code type}.
     *
     * @param what what the body describes, for messages ("channel")
     * @throws ApiException malformed JSON, an unknown field, or a value of the wrong JSON type
     */
    static <T> T read(byte[] body, Class<T> type, String what) {
        if (body == null || body.length == 0) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "the body is empty: a JSON object describing the " + what
                    + " is expected");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiException(ProblemType.VALIDATION_FAILED, "the body is null: a JSON object describing the "
                        + what + " is expected");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            TreeSet<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            throw ApiException.field(ProblemType.UNKNOWN_FIELD, field, "is not a field of " + what + " (accepted: "
                    + String.join(", ", known) + ")");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException syntax) {
                // A syntax error (e.g. invalid UTF-8) inside a field's value: the JSON is broken, not the value.
                throw new ApiException(ProblemType.MALFORMED_JSON, "the body is not well-formed JSON: "
                        + syntax.getOriginalMessage() + at(syntax.getLocation()));
            }
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                throw new ApiException(ProblemType.MALFORMED_JSON, "the body has content after its JSON value"
                        + at(e.getLocation()));
            }
            if (e.getPath().isEmpty()) {
                throw new ApiException(ProblemType.VALIDATION_FAILED, "the body must be a JSON object describing the "
                        + what + at(e.getLocation()));
            }
            String expected = e instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
            throw ApiException.field(ProblemType.VALIDATION_FAILED, path(e),
                    expected == null ? "is not valid: " + e.getOriginalMessage() : "must be " + expected);
        } catch (JacksonException e) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "the body is not well-formed JSON: "
                    + e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "the body cannot be read: " + e.getMessage());
        }
    }

    /** The request's body bound to {@code type}; see {@link #read}. */
    static <T> T body(io.vertx.ext.web.RoutingContext ctx, Class<T> type, String what) {
        io.vertx.core.buffer.Buffer buffer = ctx.body().buffer();
        return read(buffer == null ? null : buffer.getBytes(), type, what);
    }

    /** The UTF-8 JSON of {@code value}. */
    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The mapper, for tests and for reading documents the API serves. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code categoryIds[2]}, {@code name}: the field's path in the body, as a client would write it. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.isRecord()) {
            return "an object";
        }
        return null;
    }

    private static String at(JsonLocation location) {
        if (location == null || location == JsonLocation.NA) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr() + " (byte offset "
                + location.getByteOffset() + ")";
    }

    /** Escapes the characters that matter to HTML, besides the ones JSON requires. */
    private static final class MarkupEscapes extends CharacterEscapes {
        private final int[] escapes;

        MarkupEscapes() {
            int[] standard = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                standard[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
            escapes = standard;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
