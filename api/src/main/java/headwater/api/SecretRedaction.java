package headwater.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A value as JSON for the audit trail, with every secret replaced by {@value #REDACTED}: passwords, tokens, keys,
 * TOTP seeds and codes, recovery codes, digests, URLs (a playlist or media URL carries a token), and personal data
 * that is stored sealed (e-mail, phone), so that the audit log holds none of it in plaintext.
 */
final class SecretRedaction {

    static final String REDACTED = "[redacted]";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|totp|seed|recovery|digest|otp"
            + "|credential|cookie|authorization|mail|phone).*|token|key|code|codes|url|urls|.*(Token|Key|Url|Urls|Code)");

    private SecretRedaction() {
    }

    /** {@code value} as redacted JSON text, or null for null. */
    static String json(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode tree = Json.mapper().valueToTree(value);
        return redact(tree).toString();
    }

    static boolean secret(String field) {
        return SECRET.matcher(field).matches();
    }

    private static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(secret(field.getKey()) && !field.getValue().isNull() ? TextNode.valueOf(REDACTED)
                        : redact(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i)));
            }
        }
        return node;
    }
}
