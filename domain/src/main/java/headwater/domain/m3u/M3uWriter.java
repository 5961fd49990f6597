package headwater.domain.m3u;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes extended M3U that {@link M3uParser} reads back to the same values:
 * <pre>
 * #EXTM3U x-tvg-url="..."
 * #EXTINF:-1 tvg-id="..." tvg-name="..." tvg-logo="..." tvg-chno="..." group-title="...",Title
 * #EXTGRP:...
 * #KODIPROP:name=value
 * #EXTVLCOPT:name=value
 * url|name=value&amp;name=value
 * </pre>
 * Attributes are written in their order. Nothing in a value can start a new line or a new attribute: control
 * characters (CR and LF among them) become spaces; a value is put in double quotes, or in single quotes if it holds a
 * double quote, or left bare if it holds both and no space or comma (as the parser reads it). A value with both
 * quotes and a space, which no parse produces, has its double quotes turned into single ones. Names lose the
 * characters a name cannot hold. The caller owns {@code out} (buffering, closing, the charset: UTF-8).
 */
public final class M3uWriter {

    private final Writer out;

    public M3uWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes a whole playlist. */
    public static void write(Playlist playlist, Writer out) throws IOException {
        var writer = new M3uWriter(out);
        writer.header(playlist.header());
        for (PlaylistEntry entry : playlist.entries()) {
            writer.entry(entry);
        }
        out.flush();
    }

    /** The playlist as text. */
    public static String toText(Playlist playlist) {
        var text = new StringWriter();
        try {
            write(playlist, text);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }

    /** Writes the {@code #EXTM3U} line; call it once, first. */
    public void header(PlaylistHeader header) throws IOException {
        var line = new StringBuilder("#EXTM3U");
        appendAttributes(header.attributes(), false, line);
        out.write(line.append('\n').toString());
    }

    public void entry(PlaylistEntry entry) throws IOException {
        var text = new StringBuilder(256);
        text.append("#EXTINF:").append(duration(entry.duration()));
        appendAttributes(entry.attributes(), true, text);
        text.append(',').append(oneLine(entry.title()).strip()).append('\n');
        entry.group().map(group -> oneLine(group).strip()).filter(group -> !group.isEmpty())
                .ifPresent(group -> text.append("#EXTGRP:").append(group).append('\n'));
        appendOptions("#KODIPROP:", entry.kodiProperties(), text);
        appendOptions("#EXTVLCOPT:", entry.vlcOptions(), text);
        text.append(entry.url());
        if (!entry.httpHeaders().isEmpty()) {
            text.append('|').append(HeaderSuffix.format(entry.httpHeaders()));
        }
        out.write(text.append('\n').toString());
    }

    private static String duration(double seconds) {
        if (seconds == Math.rint(seconds) && Math.abs(seconds) < 1e15) {
            return Long.toString((long) seconds);
        }
        return Double.toString(seconds);
    }

    private static void appendAttributes(Attributes attributes, boolean commaEnds, StringBuilder line) {
        for (Attribute attribute : attributes.list()) {
            String name = attributeName(attribute.name());
            if (name.isEmpty()) {
                continue;
            }
            line.append(' ').append(name).append('=');
            String value = oneLine(attribute.value());
            if (value.indexOf('"') < 0) {
                line.append('"').append(value).append('"');
            } else if (value.indexOf('\'') < 0) {
                line.append('\'').append(value).append('\'');
            } else if (value.indexOf(' ') < 0 && !(commaEnds && value.indexOf(',') >= 0)
                    && value.charAt(0) != '"' && value.charAt(0) != '\'') {
                line.append(value); // the parser reads a bare value to the next space (or comma, on #EXTINF)
            } else {
                line.append('"').append(value.replace('"', '\'')).append('"');
            }
        }
    }

    private static void appendOptions(String tag, Attributes options, StringBuilder text) {
        for (Attribute option : options.list()) {
            String name = oneLine(option.name()).replace("=", "").strip();
            if (!name.isEmpty()) {
                text.append(tag).append(name).append('=').append(oneLine(option.value()).strip()).append('\n');
            }
        }
    }

    /** The characters a parsed attribute name can hold: no space, '=', ',', quote or control character. */
    private static String attributeName(String name) {
        var kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '=' && c != ',' && c != '"' && c != '\'' && !Character.isISOControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Every control character (CR, LF, NUL, ...) as a space: what the parser reads them as. */
    private static String oneLine(String text) {
        return M3uParser.withoutControls(text);
    }
}
