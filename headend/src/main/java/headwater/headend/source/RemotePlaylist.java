package headwater.headend.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The little of a remote HLS playlist (RFC 8216) that following a live stream needs: the variants of a multivariant
 * playlist, or the segments of a media playlist with their sequence numbers. Parsed leniently: unknown tags are
 * ignored, a malformed attribute is treated as absent; only what cannot be followed (fMP4, encryption, no #EXTM3U)
 * is refused, by {@link #requireFollowable}.
 *
 * @param variants for a multivariant playlist, its variant streams (else empty)
 * @param targetDuration EXT-X-TARGETDURATION in seconds (0 when absent)
 * @param mediaSequence EXT-X-MEDIA-SEQUENCE of the first segment (0 when absent)
 * @param segments the segment URIs, resolved against the playlist URI, in order
 * @param endList whether EXT-X-ENDLIST was seen
 * @param map the URI of EXT-X-MAP (fMP4 initialisation section), or null
 * @param keyMethod the first EXT-X-KEY METHOD other than NONE, or null
 */
record RemotePlaylist(List<Variant> variants, int targetDuration, long mediaSequence, List<URI> segments,
        boolean endList, String map, String keyMethod) {

    /** A variant stream of a multivariant playlist. */
    record Variant(long bandwidth, URI uri) {}

    boolean multivariant() {
        return !variants.isEmpty();
    }

    /** The sequence number of the last segment, or {@code mediaSequence - 1} when there is none. */
    long lastSequence() {
        return mediaSequence + segments.size() - 1;
    }

    /** The variant with the highest BANDWIDTH (the first of equals). */
    Variant best() {
        Variant best = variants.getFirst();
        for (Variant v : variants) {
            if (v.bandwidth() > best.bandwidth()) {
                best = v;
            }
        }
        return best;
    }

    /**
     * Parses playlist text.
     *
     * @param base the URI the playlist was fetched from (after redirects), to resolve relative URIs
     * @throws IllegalArgumentException when the text is not a playlist (no #EXTM3U first line)
     */
    static RemotePlaylist parse(String text, URI base) {
        String[] lines = text.split("\r?\n|\r");
        int first = 0;
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        if (lines.length == 0 || !lines[first].strip().equals("#EXTM3U")) {
            throw new IllegalArgumentException("not an HLS playlist: the first line is not #EXTM3U");
        }
        List<Variant> variants = new ArrayList<>();
        List<URI> segments = new ArrayList<>();
        int targetDuration = 0;
        long mediaSequence = 0;
        boolean endList = false;
        String map = null;
        String keyMethod = null;
        long pendingBandwidth = -1; // an EXT-X-STREAM-INF waiting for its URI line
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith("#EXT-X-STREAM-INF:")) {
                    pendingBandwidth = Math.max(0, number(attribute(line, "BANDWIDTH")));
                } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                    targetDuration = (int) Math.min(Integer.MAX_VALUE, Math.max(0, number(value(line))));
                } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                    mediaSequence = Math.max(0, number(value(line)));
                } else if (line.equals("#EXT-X-ENDLIST")) {
                    endList = true;
                } else if (line.startsWith("#EXT-X-MAP:")) {
                    map = String.valueOf(attribute(line, "URI"));
                } else if (line.startsWith("#EXT-X-KEY:")) {
                    String method = attribute(line, "METHOD");
                    if (keyMethod == null && method != null && !method.equalsIgnoreCase("NONE")) {
                        keyMethod = method;
                    }
                }
                continue;
            }
            URI uri = resolve(base, line);
            if (uri == null) {
                pendingBandwidth = -1;
                continue;
            }
            if (pendingBandwidth >= 0) {
                variants.add(new Variant(pendingBandwidth, uri));
                pendingBandwidth = -1;
            } else {
                segments.add(uri);
            }
        }
        return new RemotePlaylist(List.copyOf(variants), targetDuration, mediaSequence, List.copyOf(segments),
                endList, map, keyMethod);
    }

    /** Refuses what this source cannot follow, with a message that says why. */
    void requireFollowable(String source) throws java.io.IOException {
        if (map != null) {
            throw new java.io.IOException(source + " is fMP4 (EXT-X-MAP URI=\"" + map
                    + "\"): only MPEG-TS segments can be followed");
        }
        if (keyMethod != null) {
            throw new java.io.IOException(source + " is encrypted (EXT-X-KEY METHOD=" + keyMethod
                    + "): only clear segments can be followed");
        }
    }

    private static URI resolve(URI base, String reference) {
        try {
            URI uri = base.resolve(new URI(reference));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    /** The value of an attribute of a tag's attribute list (quotes removed), or null. */
    static String attribute(String line, String name) {
        String list = value(line);
        int i = 0;
        while (i < list.length()) {
            int eq = list.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String key = list.substring(i, eq).strip();
            int end;
            String v;
            if (eq + 1 < list.length() && list.charAt(eq + 1) == '"') {
                int close = list.indexOf('"', eq + 2);
                if (close < 0) {
                    return null;
                }
                v = list.substring(eq + 2, close);
                end = list.indexOf(',', close);
            } else {
                end = list.indexOf(',', eq);
                v = list.substring(eq + 1, end < 0 ? list.length() : end).strip();
            }
            if (key.equals(name)) {
                return v;
            }
            if (end < 0) {
                return null;
            }
            i = end + 1;
        }
        return null;
    }

    /** A decimal integer, or -1 when absent or malformed. */
    private static long number(String text) {
        if (text == null) {
            return -1;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
