package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import headwater.app.Main;
import headwater.testkit.LoopbackHttpServer;
import headwater.testkit.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headwater m3u import} of the real 2,059-entry playlist from a file and over HTTP, and what it refuses. */
class M3uCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), env, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void a_playlist_file_imports_every_entry_and_importing_it_again_changes_nothing() throws Exception {
        Path playlist = Samples.freeTvPlaylist();

        Result first = run(Map.of(), "m3u", "import", playlist.toString());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).startsWith("free-tv-iptv.m3u8: 2059 entries: 2059 added, 0 updated, 0 renamed,"
                + " 0 removed, 0 unchanged, ");
        Result again = run(Map.of(), "m3u", "import", playlist.toString(), "--json");
        var report = new ObjectMapper().readTree(again.out());
        assertThat(report.get("entries").asLong()).isEqualTo(2059);
        assertThat(report.get("added")).isEmpty();
        assertThat(report.get("unchanged").asLong()).isEqualTo(2059);
        assertThat(new ObjectMapper().readTree(run(Map.of(), "channel", "list", "--json").out())).hasSize(2059);
    }

    @Test
    void a_url_on_this_machine_is_refused_unless_the_configuration_allows_it() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served"));
        Files.copy(Samples.freeTvPlaylist(), served.resolve("list.m3u8"));
        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(served)) {
            String url = origin.url("/list.m3u8") + "?password=s3cret";

            Result refused = run(Map.of(), "m3u", "import", url);
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).startsWith("headwater: ").contains("outbound.allowedNetworks")
                    .doesNotContain("s3cret");
            assertThat(refused.err().lines()).hasSize(1);

            Result allowed = run(Map.of("HEADWATER_OUTBOUND_ALLOWED_NETWORKS", "127.0.0.1/32"), "m3u", "import", url,
                    "--dry-run");
            assertThat(allowed.code()).as(allowed.err()).isZero();
            assertThat(allowed.out()).startsWith("http://127.0.0.1:" + origin.port() + "/list.m3u8: 2059 entries:"
                    + " 2059 added").contains("(dry run: nothing written)").doesNotContain("s3cret");
        }
        assertThat(run(Map.of(), "channel", "list").out()).as("a dry run writes nothing").isEqualTo("(none)" + NL);
    }

    @Test
    void a_file_url_or_a_missing_file_is_a_one_line_error() {
        Result fileUrl = run(Map.of(), "m3u", "import", "file:///etc/passwd");
        assertThat(fileUrl.code()).isEqualTo(1);
        assertThat(fileUrl.err()).isEqualTo("headwater: file:///etc/passwd cannot be imported: give an http(s) URL,"
                + " or a local file as a path (not a file:// URL)" + NL);

        Result missing = run(Map.of(), "m3u", "import", dir.resolve("none.m3u").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("headwater: " + dir.resolve("none.m3u") + ": no such file" + NL);
        assertThat(run(Map.of(), "m3u").code()).isEqualTo(2);
    }
}
