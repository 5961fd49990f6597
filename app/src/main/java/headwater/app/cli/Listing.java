package headwater.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a store command prints: a table for people (a header line, columns padded to their widest value) or JSON for
 * scripts (the same values, with full detail such as every source URI).
 */
final class Listing {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Listing() {
    }

    /** A table of {@code rows}, each as wide as {@code headers}; "(none)" when there are no rows. */
    static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            out.println("(none)");
            out.flush();
            return;
        }
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.println(line);
        }
        out.flush();
    }

    /** {@code value} (maps, lists, strings, numbers, booleans, nulls) as indented JSON. */
    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }

    /** A change without a listing: "removed channel news", or {"removed": "channel", "id": "news"}. */
    static void done(StoreOptions options, String verb, String entity, String id) {
        if (options.json()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put(verb, entity);
            m.put("id", id);
            json(options.out(), m);
        } else {
            options.out().println(verb + " " + entity + " " + id);
            options.out().flush();
        }
    }
}
