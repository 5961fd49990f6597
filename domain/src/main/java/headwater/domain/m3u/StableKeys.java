package headwater.domain.m3u;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What identifies an entry across imports, strongest first: the guide id ({@code tvg-id}, case ignored), the URL
 * (exactly, without the {@code |} headers), the display name normalised (compatibility-decomposed, accents and case
 * dropped, runs of white space as one space: "Télé  Ⓢ" and "tele s" are the same name).
 */
public record StableKeys(Optional<String> tvgId, String url, String name) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static StableKeys of(PlaylistEntry entry) {
        return new StableKeys(entry.tvgId().map(id -> id.toLowerCase(Locale.ROOT)), entry.url(),
                normalisedName(entry.displayName()));
    }

    public static String normalisedName(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
