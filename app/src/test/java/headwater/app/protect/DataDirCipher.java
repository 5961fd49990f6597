package headwater.app.protect;

import headwater.app.config.HeadwaterConfig;
import headwater.domain.protect.FieldCipher;
import headwater.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The real at-rest cipher of a test's data directory, as a server or a command on it would open it. */
public final class DataDirCipher {

    private DataDirCipher() {
    }

    /** Under {@code <dataDir>/master.key} (made on first use), as {@code serve --data-dir dataDir} does. */
    public static FieldCipher of(Path dataDir, Database database) {
        return AtRest.open(HeadwaterConfig.defaults().withDataDir(dataDir), database, Map.of(), Clock.systemUTC())
                .cipher();
    }
}
