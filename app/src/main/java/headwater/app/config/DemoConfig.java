package headwater.app.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of {@code headwater demo}.
 *
 * @param fontFile  the font burnt into the test loops (else a common system font is looked for)
 * @param encrypted whether the demo channels' HLS is encrypted with AES-128 ({@code demo.encryption}, by default
 *                  {@code aes-128}), so that a newcomer sees keys fetched inside the session at work
 */
public record DemoConfig(Optional<Path> fontFile, boolean encrypted) {

    public static final boolean DEFAULT_ENCRYPTED = true;

    /** The demo with encrypted channels. */
    public DemoConfig(Optional<Path> fontFile) {
        this(fontFile, DEFAULT_ENCRYPTED);
    }

    public DemoConfig {
        fontFile = fontFile == null ? Optional.empty() : fontFile;
    }

    public static DemoConfig defaults() {
        return new DemoConfig(Optional.empty());
    }
}
