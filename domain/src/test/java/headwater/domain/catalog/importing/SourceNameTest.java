package headwater.domain.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default name an import source gets from where the playlist was read. */
class SourceNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '\u00a6', value = {
            "/srv/playlists/free-tv.m3u8 ¦ free-tv.m3u8",
            "free-tv.m3u8 ¦ free-tv.m3u8",
            "http://host:8080/get.php?username=bob&password=s3cret&type=m3u_plus ¦ http://host:8080/get.php",
            "HTTPS://user:pw@cdn.example/lists/a.m3u#x ¦ https://cdn.example/lists/a.m3u",
            "https://cdn.example ¦ https://cdn.example",
    })
    void names(String location, String name) {
        assertThat(PlaylistImporter.sourceName(location)).isEqualTo(name);
        assertThat(ImportLink.checkSource(PlaylistImporter.sourceName(location))).isEqualTo(name);
    }

    @org.junit.jupiter.api.Test
    void aLongUrlIsCut() {
        String name = PlaylistImporter.sourceName("https://cdn.example/" + "p".repeat(500) + "?token=x");
        assertThat(name).hasSize(ImportLink.MAX_SOURCE_LENGTH).startsWith("https://cdn.example/ppp");
    }
}
