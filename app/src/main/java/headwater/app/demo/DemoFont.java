package headwater.app.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The TrueType font that ffmpeg's drawtext needs: the configured one, else a common system font. */
public final class DemoFont {

    /** Tried in order when {@code demo.fontFile} is not set: Debian/Ubuntu, Fedora, Arch, macOS. */
    public static final List<Path> COMMON = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
            Path.of("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
            Path.of("/Library/Fonts/Arial.ttf"));

    /** A path drawtext can take without filter-graph escaping. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/._+-]+");

    private DemoFont() {
    }

    /** The font to use, or empty: then the loops are rendered without text. */
    public static Optional<Path> locate(Optional<Path> configured, List<Path> common) {
        List<Path> candidates = configured.map(List::of).orElse(common);
        return candidates.stream()
                .map(Path::toAbsolutePath)
                .filter(Files::isRegularFile)
                .filter(p -> PLAIN.matcher(p.toString()).matches())
                .findFirst();
    }
}
