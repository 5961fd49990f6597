package headwater.app.config;

import java.nio.file.Path;
import java.util.Optional;

/** Settings of {@code headwater demo}: the font burnt into the test loops (else a common system font is looked for). */
public record DemoConfig(Optional<Path> fontFile) {

    public DemoConfig {
        fontFile = fontFile == null ? Optional.empty() : fontFile;
    }

    public static DemoConfig defaults() {
        return new DemoConfig(Optional.empty());
    }
}
