package headwater.domain.m3u;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real playlist of the issue (Free-TV/IPTV, 2,059 channels), read as it is. */
class FreeTvPlaylistTest {

    private static final Path SAMPLE = SamplePlaylist.freeTvIptv();
    private static String text;
    private static ParsedPlaylist parsed;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(SAMPLE)) {
            parsed = new M3uParser().read(in);
        }
    }

    /** Counted without the parser: every non-blank line not starting with '#' is a URL, each after an #EXTINF. */
    @Test
    void importsEveryEntry() throws IOException {
        List<String> lines = new BufferedReader(new StringReader(text)).lines().toList();
        long infos = lines.stream().filter(line -> line.startsWith("#EXTINF")).count();
        long urls = lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
        assertThat(infos).isEqualTo(2059);
        assertThat(urls).isEqualTo(2059);

        assertThat(parsed.playlist().entries()).hasSize(2059);
        assertThat(parsed.report().entries()).isEqualTo(2059);
        assertThat(parsed.report().skippedCount()).isZero();
        assertThat(parsed.report().warningCount()).isZero();
        assertThat(parsed.report().lines()).isEqualTo(lines.size());
        assertThat(parsed.playlist().entries()).extracting(PlaylistEntry::url)
                .containsExactlyElementsOf(lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
    }

    /** Each #EXTINF's attributes, as a simple regex reads this file's regular {@code name="value"} pairs. */
    @Test
    void keepsEveryAttributeAndTitle() {
        Pattern pair = Pattern.compile(" ([a-z-]+)=\"([^\"]*)\"");
        List<String> infos = text.lines().filter(line -> line.startsWith("#EXTINF")).toList();
        List<PlaylistEntry> entries = parsed.playlist().entries();
        for (int i = 0; i < infos.size(); i++) {
            String info = infos.get(i);
            int comma = info.lastIndexOf("\",") + 1;
            var expected = new ArrayList<Attribute>();
            Matcher m = pair.matcher(info.substring(0, comma));
            while (m.find()) {
                expected.add(new Attribute(m.group(1), m.group(2)));
            }
            assertThat(entries.get(i).attributes().list()).as(info).containsExactlyElementsOf(expected);
            assertThat(entries.get(i).title()).as(info).isEqualTo(info.substring(comma + 1).strip());
        }
    }

    @Test
    void readsConcreteValues() {
        PlaylistHeader header = parsed.playlist().header();
        String firstLine = text.lines().findFirst().orElseThrow();
        String tvgUrl = firstLine.substring(firstLine.indexOf("x-tvg-url=\"") + 11, firstLine.lastIndexOf('"'));
        List<String> guides = Arrays.stream(tvgUrl.split(",")).map(String::strip).distinct().toList();
        assertThat(guides).hasSizeGreaterThan(50);
        assertThat(header.epgUrls()).containsExactlyElementsOf(guides);
        assertThat(header.epgUrls().getFirst()).isEqualTo("https://epgshare01.online/epgshare01/epg_ripper_AL1.xml.gz");

        PlaylistEntry first = parsed.playlist().entries().getFirst();
        assertThat(first.title()).isEqualTo("Kanali 7 Ⓢ");
        assertThat(first.tvgName()).contains("Kanali 7");
        assertThat(first.tvgId()).contains("Kanali7.al");
        assertThat(first.tvgLogo()).contains("https://i.imgur.com/rL2v9pM.png");
        assertThat(first.groupTitles()).containsExactly("Albania");
        assertThat(first.attributes().get("tvg-country")).contains("AL");
        assertThat(first.duration()).isEqualTo(-1);
        assertThat(first.url()).isEqualTo("https://fe.tring.al/delta/105/out/u/1200_1.m3u8");

        PlaylistEntry belarus = entry("Беларусь 1");
        assertThat(belarus.tvgId()).contains("Belarus1.by");
        assertThat(belarus.tvgChno()).contains("1");
        assertThat(belarus.groupTitles()).containsExactly("Belarus");

        PlaylistEntry encuentro = entry("Encuentro Ⓨ Ⓖ");
        assertThat(encuentro.tvgChno()).contains("22.1");

        PlaylistEntry cctv = entry("CCTV-1 综合");
        assertThat(cctv.tvgName()).contains("CCTV-1 综合");

        PlaylistEntry noId = entry("Первый Информацыйнный");
        assertThat(noId.attributes().get("tvg-id")).contains("");
        assertThat(noId.tvgId()).isEmpty();

        PlaylistEntry last = parsed.playlist().entries().getLast();
        assertThat(last.title()).isEqualTo("Le vite degli altri – Pluto TV");
        assertThat(last.groupTitles()).containsExactly("VOD Italy");
        assertThat(last.url()).startsWith("https://service-stitcher.clusters.pluto.tv/").endsWith("&channel_id=channel");
    }

    @Test
    void roundTripsThroughTheWriter() throws IOException {
        String written = M3uWriter.toText(parsed.playlist());
        ParsedPlaylist again = new M3uParser().read(new java.io.ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.report().warningCount()).isZero();
        assertThat(again.report().skippedCount()).isZero();
        assertThat(again.playlist()).isEqualTo(parsed.playlist());
        // The file is already in the writer's form, apart from its line ends.
        assertThat(written).isEqualTo(text.replace("\r\n", "\n"));
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        List<ImportedEntry> previous = new ArrayList<>();
        List<PlaylistEntry> entries = parsed.playlist().entries();
        for (int i = 0; i < entries.size(); i++) {
            previous.add(new ImportedEntry("source-" + i, entries.get(i)));
        }
        PlaylistDiff diff = PlaylistDiff.between(previous, entries);
        assertThat(diff.unchanged()).hasSize(2059);
        assertThat(diff.summary()).isEqualTo("2059 unchanged, 0 changed, 0 renamed, 0 added, 0 removed");
        for (int i = 0; i < entries.size(); i++) {
            assertThat(diff.unchanged().get(i).previous().ref()).isEqualTo("source-" + i);
        }
    }

    private static PlaylistEntry entry(String title) {
        return parsed.playlist().entries().stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
    }
}
