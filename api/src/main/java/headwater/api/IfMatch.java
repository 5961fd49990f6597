package headwater.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header (RFC 9110 §13.1.1): {@code *}, or a list of entity tags compared strongly (weak tags
 * never match). Versioned values (channels, categories, packages, plans, devices, subscribers, …) carry their
 * version as the tag ({@code "3"}); the few read-only views without one (credit movements, seasons) a digest of their
 * JSON ({@code "c…"}).
 */
record IfMatch(boolean any, List<String> tags) {

    static final String HEADER = "If-Match";
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e]*)\"\\s*(,|$)");
    private static final int MAX_LENGTH = 1024;

    IfMatch {
        tags = List.copyOf(tags);
    }

    /**
     * @return null when the header is absent
     * @throws ApiException the header is not {@code *} or a list of quoted entity tags
     */
    static IfMatch parse(String header) {
        if (header == null) {
            return null;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        if (header.length() > MAX_LENGTH) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, HEADER, "is " + header.length()
                    + " characters long: at most " + MAX_LENGTH);
        }
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(header);
        int at = 0;
        while (at < header.length() && matcher.find(at) && matcher.start() == at) {
            if (matcher.group(1) == null) {
                tags.add(matcher.group(2));
            }
            at = matcher.end();
        }
        if (at != header.length() || header.isBlank()) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, HEADER, "must be * or quoted entity tags such as "
                    + "\"3\" (the ETag of a GET)");
        }
        return new IfMatch(false, tags);
    }

    /** The one version an update is conditional on, or null for {@code *}. */
    Long version() {
        if (any) {
            return null;
        }
        if (tags.size() != 1 || !tags.getFirst().matches("[1-9][0-9]{0,18}")) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, HEADER, "must name one version, such as \"3\" "
                    + "(the ETag of a GET)");
        }
        return Long.parseLong(tags.getFirst());
    }

    /**
     * The version a versioned update (channel, category, package, plan, device, subscriber, …) is based on: from {@code If-Match} or from the
     * body's {@code version}; null for {@code If-Match: *} (whatever is stored). Notes on {@code ctx} which it was.
     *
     * @throws ApiException 428 when neither is given; 400 when both are and disagree
     */
    static Long expectedVersion(io.vertx.ext.web.RoutingContext ctx, IfMatch ifMatch, Long bodyVersion) {
        // A lost race is then answered 412 (If-Match) or 409 (version in the body), see Problems.
        ctx.put(Problems.IF_MATCH_USED, ifMatch != null);
        if (ifMatch == null) {
            if (bodyVersion == null) {
                throw new ApiException(ProblemType.PRECONDITION_REQUIRED, "say which version the update is based on: "
                        + "\"version\" in the body or If-Match with the ETag of a GET",
                        List.of(new FieldError("version", "is missing")));
            }
            return bodyVersion;
        }
        Long tagged = ifMatch.version();
        if (bodyVersion != null && tagged != null && !bodyVersion.equals(tagged)) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "version", "is " + bodyVersion
                    + " but If-Match names " + tagged + ": send one or make them agree");
        }
        return tagged != null ? tagged : bodyVersion;
    }

    static String versionTag(long version) {
        return "\"" + version + "\"";
    }

    /** A strong tag for a value without a version: a digest of its JSON. */
    static String contentTag(Object view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(view));
            return "\"c" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
