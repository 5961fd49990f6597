package headwater.store.guide;

import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.LocalizedText;
import headwater.domain.epg.Programme;
import headwater.domain.epg.XmltvGuide;
import headwater.domain.epg.XmltvReader;
import headwater.domain.epg.XmltvWriter;
import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportOptions;
import headwater.domain.guide.GuideRetention;
import headwater.store.TestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small guides for the guide tests, written with the XmltvWriter, and the services around a {@link TestStore}. */
final class Guides {

    static final Instant NOW = TestStore.CLOCK.instant();
    /** A retention window wide enough for the samples (2022 to 2026). */
    static final GuideImportOptions WIDE = GuideImportOptions.DEFAULTS.withRetention(new GuideRetention(3650, 3650));

    private Guides() {
    }

    static GuideImport imports(TestStore store, GuideImportOptions options) {
        return new GuideImport(store.guideSources(), store.guide(), store.channels(), GuideFetcher.localFiles(),
                TestStore.CLOCK, options);
    }

    static Instant at(String hhmm) {
        return Instant.parse("2026-11-21T" + hhmm + ":00Z");
    }

    static Programme programme(String channel, String start, String stop, String title) {
        return Programme.builder(channel, at(start)).stop(stop == null ? null : at(stop))
                .title(new LocalizedText(title, "en")).build();
    }

    /** {@code count} half-hour programmes titled "{prefix} {i}" from {@code from}. */
    static List<Programme> schedule(String channel, Instant from, int count, String prefix) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> Programme.builder(channel,
                        from.plus(Duration.ofMinutes(30L * i))).stop(from.plus(Duration.ofMinutes(30L * (i + 1))))
                .title(new LocalizedText(prefix + " " + i, "en")).build()).toList();
    }

    static byte[] xml(List<EpgChannel> channels, List<Programme> programmes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XmltvWriter.write(new XmltvGuide(channels, programmes), out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static XmltvGuide read(byte[] bytes) {
        try {
            return new XmltvReader().readAll(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] export(JdbiGuideStore guide) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmltvWriter writer = XmltvWriter.open(out, false)) {
            guide.export(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
