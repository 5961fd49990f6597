package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater epg import|export}: a guide matched to a catalogue channel, exported again; a hostile one refused. */
class EpgCommandTest {

    private static final DateTimeFormatter XMLTV = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static String guide(String... titles) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <tv><channel id="news.example"><display-name>News HD</display-name></channel>
                """);
        for (int i = 0; i < titles.length; i++) {
            xml.append("<programme channel=\"news.example\" start=\"").append(XMLTV.format(start.plus(i, ChronoUnit.HOURS)))
                    .append("\" stop=\"").append(XMLTV.format(start.plus(i + 1, ChronoUnit.HOURS)))
                    .append("\"><title lang=\"en\">").append(titles[i]).append("</title></programme>\n");
        }
        return xml.append("</tv>\n").toString();
    }

    @Test
    void a_guide_is_imported_matched_exported_and_a_hostile_one_changes_nothing() throws Exception {
        assertThat(run("channel", "add", "news-hd", "--number", "1", "--epg-id", "news.example").code()).isZero();
        Path file = Files.writeString(dir.resolve("guide.xml"), guide("Morning news", "Weather", "Sports desk"));

        Result imported = run("epg", "import", file.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).startsWith("guide source guide-xml: 1 channels (0 unmatched), 1 catalogue channels"
                + " fed; 3 programmes stored of 3 read");
        Path exported = dir.resolve("export.xml");
        assertThat(run("epg", "export", "--output", exported.toString()).code()).isZero();
        String xml = Files.readString(exported);
        assertThat(xml).startsWith("<?xml").contains("<channel id=\"news.example\">", "News HD", "Morning news",
                "Weather", "Sports desk");
        assertThat(xml.split("<programme ", -1)).hasSize(4);

        Path hostile = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE tv [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <tv><channel id="news.example"><display-name>&xxe;</display-name></channel></tv>
                """);
        Result refused = run("epg", "import", hostile.toString(), "--source", "guide-xml");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("headwater: ").doesNotContain("root:");
        assertThat(refused.err().lines()).hasSize(1);
        Path again = dir.resolve("again.xml");
        assertThat(run("epg", "export", "-o", again.toString()).code()).isZero();
        assertThat(Files.readString(again)).as("the previous guide stays").isEqualTo(xml);

        Result reimported = run("epg", "import", Files.writeString(dir.resolve("guide.xml"),
                guide("Morning news", "Weather")).toString(), "--json");
        assertThat(reimported.out()).contains("\"programmesStored\" : 2");
        assertThat(run("epg", "export", "-o", again.toString()).code()).isZero();
        assertThat(Files.readString(again)).doesNotContain("Sports desk").contains("Weather");
    }
}
