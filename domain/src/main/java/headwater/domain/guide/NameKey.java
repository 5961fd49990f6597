package headwater.domain.guide;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A channel name reduced for matching: decomposed (NFD), combining marks removed (accents), case folded, white space
 * collapsed to one space and trimmed. "Télé  Québec" and "tele quebec" have the same key; "TV 2" and "TV2" do not.
 */
public final class NameKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]+");

    private NameKey() {
    }

    public static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        // Upper then lower case folds more than lower case alone: "ß" -> "SS" -> "ss", final sigma -> sigma.
        String folded = bare.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }
}
