package headwater.app.demo;

import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportException;
import headwater.domain.guide.GuideImportOptions;
import headwater.domain.guide.GuideImportReport;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.guide.GuideSourceRepository;
import headwater.domain.guide.GuideStore;
import headwater.domain.catalog.ChannelRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The demo's programme guide: an XMLTV file with a programme every half hour on each demo channel, from a day before
 * now (what the one day of catch-up can replay) to a day after, written at every demo start into the demo directory
 * and imported as the guide source {@value #SOURCE_ID}, which the server then refreshes from the file like any other.
 */
public final class DemoGuide {

    public static final String SOURCE_ID = "demo";
    static final Duration SLOT = Duration.ofMinutes(30);
    static final Duration SPAN = Duration.ofDays(1);
    private static final DateTimeFormatter XMLTV_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private DemoGuide() {
    }

    /** The XMLTV document for the loops around {@code now}. */
    static String xmltv(List<DemoLoop> loops, Instant now) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n<tv generator-info-name=\"Headwater demo\">\n");
        for (DemoLoop loop : loops) {
            xml.append("  <channel id=\"").append(loop.id()).append("\">\n    <display-name>").append(loop.name())
                    .append("</display-name>\n  </channel>\n");
        }
        Instant first = now.minus(SPAN).truncatedTo(ChronoUnit.HOURS);
        Instant last = now.plus(SPAN);
        for (DemoLoop loop : loops) {
            int n = 0;
            for (Instant start = first; start.isBefore(last); start = start.plus(SLOT), n++) {
                Instant stop = start.plus(SLOT);
                xml.append("  <programme start=\"").append(XMLTV_TIME.format(start)).append("\" stop=\"")
                        .append(XMLTV_TIME.format(stop)).append("\" channel=\"").append(loop.id()).append("\">\n")
                        .append("    <title lang=\"en\">").append(loop.name()).append(" at ").append(CLOCK.format(start))
                        .append(" UTC</title>\n")
                        .append("    <desc lang=\"en\">Test pattern number ").append(n).append(" with a ")
                        .append(loop.toneHz()).append(" Hz tone.</desc>\n")
                        .append("    <category lang=\"en\">Demo</category>\n")
                        .append("  </programme>\n");
            }
        }
        return xml.append("</tv>\n").toString();
    }

    /**
     * Writes the guide to {@code directory/guide.xml}, registers it as a guide source when missing and imports it.
     * Blocking.
     */
    public static GuideImportReport refresh(Path directory, List<DemoLoop> loops, GuideSourceRepository sources,
                                            GuideStore store, ChannelRepository channels, Clock clock)
            throws GuideImportException {
        Path file = directory.resolve("guide.xml");
        Path partial = directory.resolve("guide.xml.part");
        try {
            Files.createDirectories(directory);
            Files.writeString(partial, xmltv(loops, clock.instant()), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo guide " + file + ": " + e.getMessage(), e);
        }
        if (sources.find(SOURCE_ID).isEmpty()) {
            sources.create(GuideSourceDraft.of(SOURCE_ID, "Demo guide", file.toAbsolutePath().toString()));
        }
        GuideImport guide = new GuideImport(sources, store, channels, GuideFetcher.localFiles(), clock,
                GuideImportOptions.DEFAULTS);
        return guide.refresh(SOURCE_ID);
    }
}
