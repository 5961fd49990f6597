package headwater.store.session;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of the registry's Lua scripts ({@code common.lua} followed by {@code <name>.lua}, from this package's
 * resources), run by its SHA-1 with {@code EVALSHA}; when Redis does not know it (first use, a restart, a
 * {@code SCRIPT FLUSH}) it is loaded and run again.
 */
final class LuaScript {

    private static final String[] NO_KEYS = new String[0];

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    static LuaScript named(String name) {
        return new LuaScript(name, resource("common") + "\n" + resource(name));
    }

    /** A script of the given source, for tests. */
    static LuaScript of(String name, String source) {
        return new LuaScript(name, source);
    }

    String name() {
        return name;
    }

    <T> T run(RedisCommands<String, String> redis, ScriptOutputType output, String... args) {
        try {
            return redis.evalsha(sha, output, NO_KEYS, args);
        } catch (RedisNoScriptException e) {
            redis.scriptLoad(source);
            return redis.evalsha(sha, output, NO_KEYS, args);
        }
    }

    private static String resource(String name) {
        String path = name + ".lua";
        try (InputStream in = LuaScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + path + " is missing beside " + LuaScript.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + path, e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
