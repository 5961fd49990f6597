package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import headwater.app.Main;
import headwater.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headwater vod} in-process against a temporary data directory, with the real ffprobe reading a real
 * ffmpeg-made clip: a table of command lines and the exit code, stdout and stderr each must give.
 */
class VodCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private record Step(String line, int code, String out, String err) {
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String line) {
        List<String> args = new ArrayList<>();
        for (String word : line.split(" (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            args.add(word.replace("\"", ""));
        }
        args.add("--data-dir");
        args.add(dir.resolve("data").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static String lines(String... lines) {
        return String.join(NL, lines) + NL;
    }

    @Test
    void vod_commands_give_the_documented_output_and_exit_codes() throws Exception {
        Path clip = Files.write(dir.resolve("clip.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a film\n".repeat(100));
        List<Step> steps = List.of(
                new Step("vod list", 0, lines("(none)"), ""),
                new Step("vod add --id clip --name \"Test Clip\" --source " + clip + " --year 2024", 0, lines(
                        "ID    NAME       YEAR  DURATION  VIDEO         AUDIO    VERSION",
                        "clip  Test Clip  2024  0:00:03   h264 320x180  aac/und  1"), ""),
                new Step("vod add --id clip --source " + clip, 1, "",
                        lines("headwater: movie id clip already exists")),
                new Step("vod add --id notes --source " + notes.toUri(), 1, "", lines("headwater: cannot probe "
                        + notes.toUri() + ": it is not a media file: ffprobe reads it as \"tty\" (text, subtitles or"
                        + " a still image), not as audio or video; nothing was stored (--no-probe stores the film"
                        + " without media info)")),
                new Step("vod add --id lan --source http://10.1.2.3/films/lan.mp4", 1, "", lines("headwater: cannot"
                        + " probe http://10.1.2.3/films/lan.mp4: the outbound policy refuses it"
                        + " (http://10.1.2.3/films/lan.mp4 resolved to 10.1.2.3, a private address; allow it with"
                        + " outbound.allowedNetworks: [10.1.2.3/32] (or outbound.allowPrivate: true for every private"
                        + " network)); nothing was stored (--no-probe stores the film without media info)")),
                new Step("vod add --id later --name Later --source " + notes + " --no-probe", 0, lines(
                        "ID     NAME   YEAR  DURATION  VIDEO  AUDIO  VERSION",
                        "later  Later  -     -         -      -      1"), ""),
                new Step("vod probe later", 1, "", null),
                new Step("vod list", 0, lines(
                        "ID     NAME       YEAR  DURATION  VIDEO         AUDIO    VERSION",
                        "later  Later      -     -         -             -        1",
                        "clip   Test Clip  2024  0:00:03   h264 320x180  aac/und  1"), ""),
                new Step("vod probe clip", 0, lines(
                        "ID    NAME       YEAR  DURATION  VIDEO         AUDIO    VERSION",
                        "clip  Test Clip  2024  0:00:03   h264 320x180  aac/und  2"), ""),
                new Step("vod probe nothing", 1, "", lines("headwater: movie nothing does not exist")),
                new Step("vod rm later", 0, lines("removed movie later"), ""),
                new Step("vod rm later", 1, "", lines("headwater: movie later does not exist")),
                new Step("vod add --name \"No Id\" --source " + clip, 2, "", null),
                new Step("vod add --id y --source " + clip + " --year soon", 2, "", null));
        for (Step step : steps) {
            Result result = run(step.line());
            String what = step.line() + " -> " + result;
            assertThat(result.code()).as(what).isEqualTo(step.code());
            if (step.out() != null) {
                assertThat(result.out()).as(what).isEqualTo(step.out());
            }
            if (step.err() != null) {
                assertThat(result.err()).as(what).isEqualTo(step.err());
            } else if (step.code() == 1) {
                assertThat(result.err()).as(what).startsWith("headwater: cannot probe ").contains("not a media file");
            } else {
                assertThat(result.err()).as(what).contains("Usage: headwater vod add");
            }
        }

        Result json = run("vod list --json");
        assertThat(json.code()).isZero();
        JsonNode films = new ObjectMapper().readTree(json.out());
        assertThat(films).hasSize(1);
        JsonNode info = films.get(0).get("mediaInfo");
        assertThat(films.get(0).get("source").asText()).isEqualTo(clip.toUri().toString());
        assertThat(info.get("video").get("codec").asText()).isEqualTo("h264");
        assertThat(info.get("video").get("height").asInt()).isEqualTo(180);
        assertThat(info.get("audio").get(0).get("codec").asText()).isEqualTo("aac");
        assertThat(info.get("durationSeconds").asDouble()).isBetween(2.9, 3.2);
    }
}
