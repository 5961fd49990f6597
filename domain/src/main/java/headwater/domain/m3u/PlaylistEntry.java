package headwater.domain.m3u;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One channel of a playlist: the {@code #EXTINF} line (duration, attributes, the title after the comma), the
 * {@code #EXTGRP} group, the {@code #EXTVLCOPT} options and {@code #KODIPROP} properties that preceded the URL, and
 * the URL with its {@code |user-agent=...&referer=...} suffix split off into {@link #httpHeaders()}.
 *
 * <p>The URL is one line of text without the suffix: not blank, no leading or trailing white space, no control
 * character, no {@code |}, not starting with {@code #} (a line that would be read back as a comment). Everything else
 * is free text; {@link M3uWriter} neutralises what could break a line.
 *
 * @param duration  seconds of the {@code #EXTINF} line, {@code -1} for a live stream
 * @param title     the text after the first comma outside quotes of {@code #EXTINF} (the URL for a plain M3U line)
 * @param group     the {@code #EXTGRP} group
 */
public record PlaylistEntry(
        double duration,
        String title,
        Attributes attributes,
        Optional<String> group,
        Attributes vlcOptions,
        Attributes kodiProperties,
        String url,
        Attributes httpHeaders) implements CatchupAttributes {

    public PlaylistEntry {
        if (!Double.isFinite(duration)) {
            throw new IllegalArgumentException("entry \"" + title + "\": duration " + duration + " is not a finite number");
        }
        if (duration == 0) {
            duration = 0; // -0.0 and 0.0 are the same duration and write the same way
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(vlcOptions, "vlcOptions");
        Objects.requireNonNull(kodiProperties, "kodiProperties");
        Objects.requireNonNull(httpHeaders, "httpHeaders");
        String problem = urlProblem(Objects.requireNonNull(url, "url"));
        if (problem != null) {
            throw new IllegalArgumentException("entry \"" + title + "\": " + problem);
        }
    }

    /** A live entry with attributes and nothing else: {@code #EXTINF:-1 attributes,title} then {@code url}. */
    public static PlaylistEntry of(String title, Attributes attributes, String url) {
        return new PlaylistEntry(-1, title, attributes, Optional.empty(), Attributes.none(), Attributes.none(), url,
                Attributes.none());
    }

    /** Why {@code url} cannot be an entry's URL, or {@code null} if it can. */
    static String urlProblem(String url) {
        if (url.isBlank()) {
            return "the URL is blank";
        }
        if (!url.strip().equals(url)) {
            return "the URL has white space around it";
        }
        if (url.startsWith("#")) {
            return "the URL starts with '#' and would read back as a comment";
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '|') {
                return "the URL contains '|' at index " + i + " (HTTP headers belong in httpHeaders)";
            }
            if (Character.isISOControl(c)) {
                return "the URL contains control character U+%04X at index %d".formatted((int) c, i);
            }
        }
        return null;
    }

    public Optional<String> tvgId() {
        return attributes.text("tvg-id");
    }

    public Optional<String> tvgName() {
        return attributes.text("tvg-name");
    }

    public Optional<String> tvgLogo() {
        return attributes.text("tvg-logo");
    }

    /** {@code tvg-chno} as written: a number, sometimes with a sub-channel ({@code 5.1}). */
    public Optional<String> tvgChno() {
        return attributes.text("tvg-chno");
    }

    /** {@code group-title} as a list: players read it {@code ;}-separated. */
    public List<String> groupTitles() {
        return attributes.items("group-title", ";");
    }

    /** {@code radio="true"}. */
    public boolean radio() {
        return attributes.text("radio").filter("true"::equalsIgnoreCase).isPresent();
    }

    /** The legacy SIPTV {@code timeshift="days"} archive length. */
    public OptionalInt timeshift() {
        return attributes.integer("timeshift");
    }

    /** The user agent: the URL suffix's {@code user-agent}, else {@code #EXTVLCOPT:http-user-agent}. */
    public Optional<String> userAgent() {
        return httpHeaders.text("user-agent").or(() -> vlcOptions.text("http-user-agent"));
    }

    /** The referrer: the URL suffix's {@code referer}, else {@code #EXTVLCOPT:http-referrer}. */
    public Optional<String> referrer() {
        return httpHeaders.text("referer").or(() -> vlcOptions.text("http-referrer"));
    }

    /** The name to show: the title, else {@code tvg-name}, else the URL. */
    public String displayName() {
        if (!title.isBlank()) {
            return title.strip();
        }
        return tvgName().orElse(url);
    }
}
