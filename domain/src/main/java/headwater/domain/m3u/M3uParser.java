package headwater.domain.m3u;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * Reads an M3U or extended M3U playlist line by line and hands each entry to a consumer as soon as its URL is read,
 * so a playlist of any length is read in the memory of one line.
 *
 * <p>Tolerated, with a warning: a missing {@code #EXTM3U} header, repeated attributes (the first is kept), unreadable
 * attribute text, a duration that is not a number. Skipped, with the reason: an {@code #EXTINF} no URL follows. A URL
 * without {@code #EXTINF} is an entry titled by its URL (plain M3U). Blank lines, comments and unknown tags are
 * passed over; a byte order mark, CRLF and CR line ends are accepted. Control characters in a line are read as
 * spaces. Fatal ({@link M3uFormatException}): a line longer than {@link ParseOptions#maxLineBytes()}, bytes that are
 * not UTF-8.
 *
 * <p>Instances are immutable and may be shared.
 */
public final class M3uParser {

    private final ParseOptions options;

    public M3uParser() {
        this(ParseOptions.DEFAULTS);
    }

    public M3uParser(ParseOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Streams the entries of {@code in} to {@code entries}, in file order. Exceptions of the consumer pass through.
     *
     * @throws M3uFormatException if a line is too long or not UTF-8 (entries before it were already emitted)
     */
    public ImportReport parse(InputStream in, Consumer<? super PlaylistEntry> entries) throws IOException {
        return new Run(new LineReader(in, options.maxLineBytes()), (entry, line) -> entries.accept(entry)).read();
    }

    /**
     * Like {@link #parse(InputStream, Consumer)}, with the 1-based line each entry starts on (its {@code #EXTINF},
     * or its URL for a plain M3U line), so that what an import says about an entry can name the line.
     */
    public ImportReport parseNumbered(InputStream in, ObjLongConsumer<? super PlaylistEntry> entries) throws IOException {
        return new Run(new LineReader(in, options.maxLineBytes()), entries).read();
    }

    /** Reads the whole playlist into memory. */
    public ParsedPlaylist read(InputStream in) throws IOException {
        var entries = new ArrayList<PlaylistEntry>();
        ImportReport report = parse(in, entries::add);
        return new ParsedPlaylist(new Playlist(report.header(), entries), report);
    }

    /** The state of one parse. */
    private final class Run {

        private final LineReader lines;
        private final ObjLongConsumer<? super PlaylistEntry> sink;
        private final AttributesCollector header = new AttributesCollector("header attribute");
        private final List<ImportNotice> warnings = new ArrayList<>();
        private final List<ImportNotice> skipped = new ArrayList<>();
        private long warningCount;
        private long skippedCount;
        private long entryCount;
        private boolean sawContent;
        private boolean sawHeader;

        // What has been read since the last URL.
        private long infoLine;
        private boolean pendingInfo;
        private double duration;
        private String title;
        private AttributesCollector attributes;
        private String group;
        private AttributesCollector vlcOptions = new AttributesCollector("#EXTVLCOPT option");
        private AttributesCollector kodiProperties = new AttributesCollector("#KODIPROP property");

        Run(LineReader lines, ObjLongConsumer<? super PlaylistEntry> sink) {
            this.lines = lines;
            this.sink = sink;
        }

        ImportReport read() throws IOException {
            String raw;
            while ((raw = lines.next()) != null) {
                String line = withoutControls(raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (!sawContent) {
                    sawContent = true;
                    if (!directive(line, "#EXTM3U")) {
                        warn("no #EXTM3U header; read as a playlist without header attributes");
                    }
                }
                if (line.charAt(0) == '#') {
                    onTag(line);
                } else {
                    onUrl(line);
                }
            }
            if (pendingInfo) {
                skip(infoLine, "#EXTINF without a URL at the end of the playlist");
            } else if (group != null || !vlcOptions.isEmpty() || !kodiProperties.isEmpty()) {
                warn("#EXTGRP, #EXTVLCOPT or #KODIPROP lines at the end of the playlist belong to no URL; ignored");
            }
            return new ImportReport(new PlaylistHeader(header.build()), entryCount, lines.lineNumber(), warnings,
                    warningCount, skipped, skippedCount);
        }

        private void onTag(String line) {
            if (directive(line, "#EXTM3U")) {
                if (sawHeader) {
                    warn("another #EXTM3U header; its attributes are added to the first one's");
                } else if (entryCount > 0 || pendingInfo) {
                    warn("#EXTM3U header after the first entry; its attributes still apply to the playlist");
                }
                sawHeader = true;
                AttributeScanner.scan(line, tagEnd(line, "#EXTM3U"), false, header, this::warn);
            } else if (directive(line, "#EXTINF")) {
                onInfo(line);
            } else if (directive(line, "#EXTGRP")) {
                String value = line.substring(tagEnd(line, "#EXTGRP")).strip();
                if (value.isEmpty()) {
                    warn("#EXTGRP without a group ignored");
                } else if (group != null) {
                    warn("a second #EXTGRP for the same entry; the first, '" + group + "', is kept");
                } else {
                    group = value;
                }
            } else if (directive(line, "#EXTVLCOPT")) {
                option(line, "#EXTVLCOPT", vlcOptions);
            } else if (directive(line, "#KODIPROP")) {
                option(line, "#KODIPROP", kodiProperties);
            }
            // Anything else starting with '#' is a comment or a tag players do not use for channels.
        }

        private void onInfo(String line) {
            if (pendingInfo) {
                skip(infoLine, "#EXTINF without a URL: another #EXTINF follows on line " + lines.lineNumber());
                resetPending();
            }
            infoLine = lines.lineNumber();
            pendingInfo = true;
            int i = tagEnd(line, "#EXTINF");
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != ',') {
                i++;
            }
            duration = duration(line.substring(start, i));
            attributes = new AttributesCollector("attribute");
            AttributeScanner.Stop stop = AttributeScanner.scan(line, i, true, attributes, this::warn);
            if (stop.comma() < 0) {
                warn("#EXTINF has no comma before a title; the title is empty");
                title = "";
            } else {
                title = line.substring(stop.comma() + 1).strip();
            }
        }

        private double duration(String text) {
            if (text.isEmpty()) {
                warn("#EXTINF has no duration; -1 (live) assumed");
                return -1;
            }
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            warn("#EXTINF duration '" + text + "' is not a number; -1 (live) assumed");
            return -1;
        }

        private void option(String line, String tag, AttributesCollector into) {
            String text = line.substring(tagEnd(line, tag)).strip();
            int eq = text.indexOf('=');
            String name = eq < 0 ? "" : text.substring(0, eq).strip();
            if (name.isEmpty()) {
                warn(tag + " '" + text + "' is not name=value and is ignored");
                return;
            }
            into.add(name, text.substring(eq + 1).strip(), this::warn);
        }

        private void onUrl(String line) {
            int bar = line.indexOf('|');
            String url = (bar < 0 ? line : line.substring(0, bar)).strip();
            if (url.isEmpty()) {
                skip(lines.lineNumber(), "nothing before '|' on a URL line");
                resetPending();
                return;
            }
            Attributes headers = bar < 0 ? Attributes.none() : HeaderSuffix.parse(line.substring(bar + 1), this::warn);
            boolean plain = !pendingInfo;
            long entryLine = plain ? lines.lineNumber() : infoLine;
            var entry = new PlaylistEntry(
                    plain ? -1 : duration,
                    plain ? url : title,
                    plain ? Attributes.none() : attributes.build(),
                    Optional.ofNullable(group),
                    vlcOptions.build(),
                    kodiProperties.build(),
                    url,
                    headers);
            resetPending();
            entryCount++;
            sink.accept(entry, entryLine);
        }

        private void resetPending() {
            pendingInfo = false;
            attributes = null;
            title = null;
            group = null;
            vlcOptions = new AttributesCollector("#EXTVLCOPT option");
            kodiProperties = new AttributesCollector("#KODIPROP property");
        }

        private void warn(String message) {
            warningCount++;
            if (warnings.size() < options.maxNotices()) {
                warnings.add(new ImportNotice(lines.lineNumber(), message));
            }
        }

        private void skip(long line, String reason) {
            skippedCount++;
            if (skipped.size() < options.maxNotices()) {
                skipped.add(new ImportNotice(line, reason));
            }
        }
    }

    /** Whether {@code line} is the tag {@code name} (case ignored), followed by nothing, ':' or a space. */
    static boolean directive(String line, String name) {
        if (!line.regionMatches(true, 0, name, 0, name.length())) {
            return false;
        }
        if (line.length() == name.length()) {
            return true;
        }
        char next = line.charAt(name.length());
        return next == ':' || next == ' ';
    }

    private static int tagEnd(String line, String name) {
        int end = name.length();
        return end < line.length() && line.charAt(end) == ':' ? end + 1 : end;
    }

    /** The line with every control character (C0, DEL, C1) read as a space. */
    static String withoutControls(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (breaksLine(line.charAt(i))) {
                char[] chars = line.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (breaksLine(chars[j])) {
                        chars[j] = ' ';
                    }
                }
                return new String(chars);
            }
        }
        return line;
    }

    /** Control characters, and U+2028/U+2029, which some players (JavaScript ones) take for line breaks. */
    private static boolean breaksLine(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

}
