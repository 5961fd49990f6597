package headwater.store.catalog;

import static headwater.store.catalog.PlaylistImportTest.allChannels;
import static headwater.store.catalog.PlaylistImportTest.importText;
import static headwater.store.catalog.PlaylistImportTest.imports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.importing.ImportBatch;
import headwater.domain.catalog.importing.ImportOptions;
import headwater.domain.catalog.importing.ImportSourceRecord;
import headwater.domain.catalog.importing.ImportLink;
import headwater.domain.catalog.importing.PlaylistImportReport;
import headwater.domain.catalog.importing.PlaylistImportStore;
import headwater.domain.catalog.importing.PlaylistImporter;
import headwater.domain.m3u.ImportNotice;
import headwater.domain.m3u.M3uFormatException;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the playlists of the wild carry (headers, catch-up, radio, hostile text) and the bad input of the issue. */
class PlaylistImportInputTest {

    static final String PLAYLIST = """
            #EXTM3U x-tvg-url="https://epg.example/guide.xml.gz" catchup="shift" catchup-days="3"
            #EXTINF:-1 tvg-id="news.uk" tvg-chno="7" tvg-logo="https://logos.example/news.png" group-title="News;UK" catchup-days="10",News HD
            #EXTVLCOPT:http-user-agent=VLC/3.0
            #EXTVLCOPT:http-referrer=https://portal.example/
            https://cdn.example/news.m3u8
            #EXTINF:-1 tvg-id="sport.uk" tvg-chno="7" group-title="Sport",Sport
            https://cdn.example/sport.ts|User-Agent=Mozilla/5.0 (X11)&Referer=https://x.example/
            #EXTINF:-1 radio="true" group-title="Music",Radio One
            #KODIPROP:inputstream.adaptive.stream_headers=User-Agent=Kodi&Cookie=a%3Db
            http://radio.example/one.mp3
            #EXTINF:-1 tvg-name="Robert'); DROP TABLE channel;--",<script>alert("x")</script> & ' OR 1=1
            udp://239.1.1.1:1234
            #EXTINF:-1 group-title="Ace",Ace Stream
            acestream://0123456789abcdef
            #EXTINF:-1 tvg-id="long.example",Long URL
            https://cdn.example/live.m3u8?token=TOKEN
            """.replace("TOKEN", "a".repeat(2500));

    private static Map<String, Channel> byName(TestStore store) {
        return allChannels(store).values().stream().collect(Collectors.toMap(Channel::name, c -> c));
    }

    @EachDatabase
    void keeps_headers_catchup_radio_and_hostile_text(TestStore store) throws IOException {
        PlaylistImportReport report = importText(store, PLAYLIST, ImportOptions.DEFAULTS);

        assertThat(report.added()).hasSize(6);
        assertThat(report.problems()).containsExactly(
                new ImportNotice(6, "tvg-chno 7 is already used; the next free number is used"),
                new ImportNotice(13, "the URL's scheme 'acestream' is not one the headend reads [http, https, rtmp, "
                        + "rtmps, rtp, rtsp, srt, udp]; the channel is imported disabled, without a source"));
        Map<String, Channel> channels = byName(store);
        Channel news = channels.get("News HD");
        assertThat(news.number()).isEqualTo(7);
        assertThat(news.epgChannelId()).isEqualTo("news.uk");
        assertThat(news.logo()).isEqualTo(URI.create("https://logos.example/news.png"));
        assertThat(news.archiveDays()).isEqualTo(10);
        assertThat(news.sources()).containsExactly(URI.create(
                "https://cdn.example/news.m3u8#user-agent=VLC%2F3.0&referer=https%3A%2F%2Fportal.example%2F"));
        assertThat(news.sources().getFirst().getFragment()).isEqualTo("user-agent=VLC%2F3.0&referer=https%3A%2F%2Fportal.example%2F"
                .replace("%2F", "/").replace("%3A", ":"));
        assertThat(categoryNames(store, news)).containsExactly("News/LIVE", "UK/LIVE");

        Channel sport = channels.get("Sport");
        assertThat(sport.number()).isNotEqualTo(7);
        assertThat(sport.archiveDays()).isEqualTo(3); // the header's catch-up days
        assertThat(sport.sources()).containsExactly(URI.create(
                "https://cdn.example/sport.ts#user-agent=Mozilla%2F5.0%20%28X11%29&referer=https%3A%2F%2Fx.example%2F"));

        Channel radio = channels.get("Radio One");
        assertThat(radio.radio()).isTrue();
        assertThat(categoryNames(store, radio)).containsExactly("Music/RADIO");
        assertThat(radio.categoryIds()).containsExactly("radio-music");
        assertThat(radio.sources()).containsExactly(URI.create("http://radio.example/one.mp3#user-agent=Kodi&cookie=a%3Db"));

        Channel hostile = channels.get("<script>alert(\"x\")</script> & ' OR 1=1");
        assertThat(hostile.sources()).containsExactly(URI.create("udp://239.1.1.1:1234"));
        assertThat(imports(store).linked(PlaylistImportTest.SOURCE_NAME).stream().map(l -> l.link().entry()))
                .anyMatch(entry -> entry.contains("Robert'); DROP TABLE channel;--"));

        Channel ace = channels.get("Ace Stream");
        assertThat(ace.sources()).isEmpty();
        assertThat(ace.enabled()).isFalse();

        Channel longUrl = channels.get("Long URL");
        assertThat(longUrl.sources().getFirst().toString()).isEqualTo("https://cdn.example/live.m3u8?token=" + "a".repeat(2500));

        assertThat(imports(store).source(PlaylistImportTest.SOURCE_NAME)).map(ImportSourceRecord::header)
                .hasValue("#EXTM3U x-tvg-url=\"https://epg.example/guide.xml.gz\" catchup=\"shift\" catchup-days=\"3\"");
        assertThat(allChannels(store)).hasSize(6);
    }

    private static List<String> categoryNames(TestStore store, Channel channel) {
        return channel.categoryIds().stream().map(id -> store.categories().get(id))
                .map(c -> c.name() + "/" + c.kind()).toList();
    }

    @EachDatabase
    void uses_existing_categories_by_kind_and_name(TestStore store) throws IOException {
        store.categories().create(Category.of("news", "News", CategoryKind.LIVE));
        store.categories().create(Category.of("music", "Music", CategoryKind.LIVE));

        importText(store, PLAYLIST, ImportOptions.DEFAULTS);

        Map<String, Channel> channels = byName(store);
        assertThat(channels.get("News HD").categoryIds()).containsExactly("news", "uk");
        assertThat(channels.get("Radio One").categoryIds()).containsExactly("radio-music"); // Music is LIVE, not RADIO
    }

    @EachDatabase
    void invalid_utf8_and_a_10_mb_line_are_refused_and_change_nothing(TestStore store) throws IOException {
        importText(store, PLAYLIST, ImportOptions.DEFAULTS);
        Map<String, Channel> before = allChannels(store);
        byte[] invalid = (PLAYLIST.replace("Sport", "Sp\u00f6rt") + "#EXTINF:-1,New\nhttp://new.example/a.ts\n")
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(invalid, StandardCharsets.ISO_8859_1).indexOf("Sp\u00c3\u00b6rt") + 2;
        invalid[at] = (byte) 0xff;

        assertThatThrownBy(() -> importBytes(store, invalid))
                .isInstanceOf(M3uFormatException.class)
                .hasMessageStartingWith("line 6 ");
        byte[] longLine = ("#EXTM3U\n#EXTINF:-1,Long\nhttp://x.example/" + "a".repeat(10 << 20) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importBytes(store, longLine))
                .isInstanceOf(M3uFormatException.class)
                .hasMessageStartingWith("line 3 ");

        assertThat(allChannels(store)).isEqualTo(before);
    }

    private static PlaylistImportReport importBytes(TestStore store, byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return PlaylistImportTest.importer(store).importPlaylist(PlaylistImportTest.SOURCE_NAME, "test", in,
                    ImportOptions.DEFAULTS);
        }
    }

    /**
     * An operator's edit between the import's read and its write: the batch fails on the channel's version and
     * writes nothing; neither the operator's edit nor anything of the batch is lost or half-applied.
     */
    @EachDatabase
    void an_edit_during_the_import_fails_the_batch_without_losing_it(TestStore store) throws IOException {
        importText(store, PLAYLIST, ImportOptions.DEFAULTS);
        String edited = PLAYLIST.replace("https://cdn.example/news.m3u8", "https://cdn2.example/news.m3u8")
                + "#EXTINF:-1,Brand New\nhttp://new.example/new.ts\n";
        Channel news = byName(store).get("News HD");
        JdbiPlaylistImportStore real = imports(store);
        PlaylistImportStore racing = new PlaylistImportStore() {
            @Override
            public List<ImportLink> links(String source) {
                return real.links(source);
            }

            @Override
            public Map<String, Channel> channels(java.util.Collection<String> ids) {
                return real.channels(ids);
            }

            @Override
            public Set<String> channelIds() {
                return real.channelIds();
            }

            @Override
            public Set<Integer> channelNumbers() {
                return real.channelNumbers();
            }

            @Override
            public void apply(ImportBatch batch) {
                store.channels().update(news.version(), news.draft().withName("Operator News"));
                real.apply(batch);
            }

            @Override
            public void recordSource(ImportSourceRecord record) {
                real.recordSource(record);
            }

            @Override
            public Optional<ImportSourceRecord> source(String source) {
                return real.source(source);
            }

            @Override
            public List<ImportSourceRecord> sources() {
                return real.sources();
            }
        };
        var importer = new PlaylistImporter(racing, store.categories(), TestStore.CLOCK);

        assertThatThrownBy(() -> importer.importPlaylist(PlaylistImportTest.SOURCE_NAME, "test",
                new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)), ImportOptions.DEFAULTS))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("channel " + news.id() + " was changed concurrently: the update expected version 1, the "
                        + "stored version is 2; read it again and reapply the change");
        Channel after = store.channels().get(news.id());
        assertThat(after.name()).isEqualTo("Operator News");
        assertThat(after.sources()).containsExactly(news.sources().getFirst());
        assertThat(byName(store)).doesNotContainKey("Brand New");

        // Importing again (no race now) applies the change on top of the operator's edit.
        PlaylistImportReport report = importText(store, edited, ImportOptions.DEFAULTS);
        assertThat(report.added()).extracting(c -> c.name()).containsExactly("Brand New");
        Channel merged = store.channels().get(news.id());
        assertThat(merged.name()).isEqualTo("Operator News");
        assertThat(merged.sources().getFirst().toString()).startsWith("https://cdn2.example/news.m3u8#");
    }

    @EachDatabase
    void an_error_page_or_an_empty_file_is_not_applied(TestStore store) throws IOException {
        importText(store, PLAYLIST, ImportOptions.DEFAULTS);
        Map<String, Channel> before = allChannels(store);

        assertThatThrownBy(() -> importText(store, "<!doctype html>\n<html><body>502 Bad Gateway</body></html>\n",
                ImportOptions.DEFAULTS))
                .isInstanceOf(M3uFormatException.class)
                .hasMessage("line 1: the input has 2 entries but none with a stream URL and no #EXTM3U header (an error "
                        + "page or an empty download?); nothing was imported, no channel was changed");
        assertThatThrownBy(() -> importText(store, "#EXTM3U\n", ImportOptions.DEFAULTS))
                .isInstanceOf(M3uFormatException.class)
                .hasMessage("line 1: the input has no entries (an error page or an empty download?); nothing was "
                        + "imported, no channel was changed");

        assertThat(allChannels(store)).isEqualTo(before);
    }
}
