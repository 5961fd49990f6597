package headwater.domain.guide;

import headwater.domain.epg.XmltvReaderOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How imports run.
 *
 * @param retention     the programmes kept
 * @param defaultLength the length of a channel's last programme when the guide gives neither its stop nor its length
 * @param batchSize     programmes written per transaction (short transactions keep SQLite's single writer free for
 *                      other work between batches)
 * @param reader        the XMLTV reader's limits
 */
public record GuideImportOptions(GuideRetention retention, Duration defaultLength, int batchSize,
                                 XmltvReaderOptions reader) {

    public static final GuideImportOptions DEFAULTS = new GuideImportOptions(GuideRetention.DEFAULT,
            Duration.ofHours(1), 2000, XmltvReaderOptions.DEFAULTS);

    public GuideImportOptions {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(defaultLength, "defaultLength");
        Objects.requireNonNull(reader, "reader");
        if (defaultLength.isNegative() || defaultLength.isZero()) {
            throw new IllegalArgumentException("default programme length is " + defaultLength + ": must be positive");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size is " + batchSize + ": must be between 1 and 100000");
        }
    }

    public GuideImportOptions withRetention(GuideRetention value) {
        return new GuideImportOptions(value, defaultLength, batchSize, reader);
    }

    public GuideImportOptions withBatchSize(int value) {
        return new GuideImportOptions(retention, defaultLength, value, reader);
    }

    public GuideImportOptions withReader(XmltvReaderOptions value) {
        return new GuideImportOptions(retention, defaultLength, batchSize, value);
    }
}
