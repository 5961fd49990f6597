package headwater.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A configuration file read into a tree, with the line of every key so that messages can point at it.
 *
 * <p>YAML is read through Jackson's streaming parser, which only sees SnakeYAML's parse events: no tag ever
 * instantiates a type, aliases are not expanded, and the file size is capped.
 */
final class YamlDocument {

    static final int MAX_FILE_CHARS = 1 << 20;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .disable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final String name;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String name, JsonNode root, Map<String, Integer> lines) {
        this.name = name;
        this.root = root;
        this.lines = Map.copyOf(lines);
    }

    /** A document with no keys, for when there is no configuration file. */
    static YamlDocument empty() {
        return new YamlDocument("", MissingNode.getInstance(), Map.of());
    }

    static YamlDocument read(Path file) {
        String name = file.toString();
        String text;
        try {
            if (Files.size(file) > MAX_FILE_CHARS) {
                throw new ConfigException(name + ": is larger than " + MAX_FILE_CHARS + " bytes; this is not a configuration file");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage());
        }
        return parse(name, text);
    }

    static YamlDocument parse(String name, String text) {
        try {
            Map<String, Integer> lines = new HashMap<>();
            Optional<String> duplicate = locateKeys(text, lines);
            if (duplicate.isPresent()) {
                String key = duplicate.get();
                throw new ConfigException(name + ":" + lines.get(key) + ": " + key + " is given twice");
            }
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isNull() || root.isMissingNode()) {
                root = MissingNode.getInstance();
            } else if (!root.isObject()) {
                throw new ConfigException(name + ":1: the top level must be a mapping of keys such as 'server:', got "
                        + describe(root));
            }
            return new YamlDocument(name, root, lines);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String line = where == null || where.getLineNr() < 1 ? "" : ":" + where.getLineNr();
            throw new ConfigException(name + line + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage());
        }
    }

    /** The node at {@code key} ({@code channels[0].sources}), or a missing node. */
    JsonNode at(String key) {
        if (root.isMissingNode()) {
            return root;
        }
        return root.at("/" + key.replace("[", ".").replace("]", "").replace('.', '/'));
    }

    JsonNode root() {
        return root;
    }

    /** {@code headwater.yml:7} for a key on line 7, or just the file name when the line is unknown. */
    String where(String key) {
        Integer line = lines.get(key);
        return line == null ? name : name + ":" + line;
    }

    String name() {
        return name;
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }

    /** Records the line of every key and list item; returns the first key found twice in one mapping. */
    private static Optional<String> locateKeys(String text, Map<String, Integer> lines) throws IOException {
        Deque<Set<String>> seen = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> {
                        record(parser.getParsingContext().getParent(), parser, lines);
                        seen.push(new HashSet<>());
                    }
                    case END_OBJECT -> seen.pop();
                    case FIELD_NAME -> {
                        String key = path(parser.getParsingContext());
                        if (!seen.peek().add(parser.currentName())) {
                            lines.put(key, parser.currentTokenLocation().getLineNr());
                            return Optional.of(key);
                        }
                        lines.put(key, parser.currentTokenLocation().getLineNr());
                    }
                    case START_ARRAY, END_ARRAY -> {
                    }
                    default -> record(parser.getParsingContext(), parser, lines);
                }
            }
        }
        return Optional.empty();
    }

    /** A list item has no key line of its own: it gets the line where it starts. */
    private static void record(JsonStreamContext context, JsonParser parser, Map<String, Integer> lines) {
        if (context != null && context.inArray()) {
            lines.putIfAbsent(path(context), parser.currentTokenLocation().getLineNr());
        }
    }

    private static String path(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            }
        }
        StringBuilder key = new StringBuilder();
        for (String segment : segments) {
            if (!key.isEmpty() && !segment.startsWith("[")) {
                key.append('.');
            }
            key.append(segment);
        }
        return key.toString();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CHARS);
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(20);
        return options;
    }
}
