package headwater.domain.epg;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes a synthetic guide of {@code channels} × {@code programmesPerChannel} through {@link XmltvWriter}, streaming:
 * 30-minute programmes from a fixed start, each with a title, description, category and episode number (about 300
 * bytes a programme, so 1,000 × 1,000 is about 300 MB). Deterministic: the same arguments give the
 * same bytes.
 */
public final class XmltvGuideGenerator {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SLOT = Duration.ofMinutes(30);

    private XmltvGuideGenerator() {
    }

    public static void write(OutputStream out, int channels, int programmesPerChannel) throws IOException {
        try (XmltvWriter writer = XmltvWriter.open(out, false)) {
            for (int c = 0; c < channels; c++) {
                writer.channel(new EpgChannel(channelId(c), List.of(new LocalizedText("Channel " + c, "en")),
                        List.of(Icon.of("https://logos.example/" + c + ".png")), List.of(), List.of(), List.of()));
            }
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < programmesPerChannel; p++) {
                    writer.programme(programme(c, p));
                }
            }
        }
    }

    public static String channelId(int c) {
        return "ch" + c + ".example";
    }

    public static Programme programme(int c, int p) {
        Instant start = START.plus(SLOT.multipliedBy(p));
        return Programme.builder(channelId(c), start).stop(start.plus(SLOT))
                .title(new LocalizedText("News & Weather " + p, "en"))
                .description(new LocalizedText("Stories of channel " + c + " <live>, episode " + p + ".", "en"))
                .category(new LocalizedText("News", "en"))
                .episodeNumber(new EpisodeNumber(EpisodeNumber.XMLTV_NS, (p / 100) + "." + (p % 100) + "."))
                .build();
    }
}
