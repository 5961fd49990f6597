package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import headwater.app.Main;
import headwater.app.wiring.DataDirLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store commands run in-process through picocli against a temporary data directory, as a script would run them
 * one after the other: a table of command lines and the exit code, stdout and stderr each must give.
 */
class StoreCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    /** One command line; {@code out} and {@code err} are the exact texts ({@code null}: not checked). */
    private record Step(String line, int code, String out, String err) {
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Result run(String line) {
        List<String> args = new ArrayList<>();
        for (String word : line.split(" (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            args.add(word.replace("\"", ""));
        }
        args.add("--data-dir");
        args.add(dir.toString());
        return run(args.toArray(String[]::new));
    }

    /** Runs each step, checking its exit code and (where given) its exact output; a usage error prints the usage. */
    private void runAll(List<Step> steps) {
        for (Step step : steps) {
            Result result = run(step.line());
            String what = "headwater " + step.line() + NL + "stdout: " + result.out() + "stderr: " + result.err();
            assertThat(result.code()).as(what).isEqualTo(step.code());
            if (step.out() != null) {
                assertThat(result.out()).as(what).isEqualTo(step.out());
            }
            if (step.err() != null) {
                assertThat(result.err()).as(what).isEqualTo(step.err());
            }
            if (step.code() == 2) {
                assertThat(result.err()).as(what).contains("Usage: headwater ");
            }
        }
    }

    private static String lines(String... lines) {
        return String.join(NL, lines) + NL;
    }

    @Test
    void channel_and_package_commands_give_the_documented_output_and_exit_codes() {
        List<Step> steps = List.of(
                new Step("channel list", 0, lines("(none)"), ""),
                new Step("channel add news-hd --number 101 --name \"News HD\" --source udp://239.1.1.1:5000"
                        + " --source http://backup.example/news.ts", 0, lines(
                        "ID       NUMBER  NAME     ENABLED  SOURCES  VERSION",
                        "news-hd  101     News HD  yes      2        1"), ""),
                new Step("channel add sport --source udp://239.1.1.2:5000 --disabled", 0, lines(
                        "ID     NUMBER  NAME   ENABLED  SOURCES  VERSION",
                        "sport  102     sport  no       1        1"), ""),
                new Step("channel add sport --number 7", 1, "",
                        lines("headwater: channel id sport already exists")),
                new Step("channel add weather --number 101", 1, "",
                        lines("headwater: channel number 101 is already used by channel news-hd (wanted by weather)")),
                new Step("channel add bad --source file:///etc/passwd", 1, "", lines("headwater: channel sources[0]"
                        + " \"file:///etc/passwd\" has the scheme \"file\": allowed are [http, https, rtmp, rtmps, rtp,"
                        + " rtsp, srt, udp]")),
                new Step("channel add x --number ten", 2, "", null),
                new Step("channel enable sport", 0, lines(
                        "ID     NUMBER  NAME   ENABLED  SOURCES  VERSION",
                        "sport  102     sport  yes      1        2"), ""),
                new Step("channel update sport --name Sport --source udp://239.1.1.9:5000 --source"
                        + " https://backup.example/sport.m3u8", 0, lines(
                        "ID     NUMBER  NAME   ENABLED  SOURCES  VERSION",
                        "sport  102     Sport  yes      2        3"), ""),
                new Step("channel update sport --number 101", 1, "",
                        lines("headwater: channel number 101 is already used by channel news-hd (wanted by sport)")),
                new Step("channel update nothing --name X", 1, "", lines("headwater: channel nothing does not exist")),
                new Step("channel disable news-hd", 0, null, ""),
                new Step("channel list --disabled", 0, lines(
                        "ID       NUMBER  NAME     ENABLED  SOURCES  VERSION",
                        "news-hd  101     News HD  no       2        2"), ""),
                new Step("channel list --enabled --disabled", 2, "", null),
                new Step("channel rm nothing", 1, "", lines("headwater: channel nothing does not exist")),
                new Step("package add basic --name Basic --channel news-hd --channel sport", 0, lines(
                        "ID     NAME   CHANNELS",
                        "basic  Basic  news-hd,sport"), ""),
                new Step("package add premium --channel nothing", 1, "",
                        lines("headwater: package premium refers to unknown channel id [nothing]")),
                new Step("package add-channel basic nothing", 1, "",
                        lines("headwater: package basic refers to unknown channel id [nothing]")),
                new Step("package rm-channel basic sport", 0, lines(
                        "ID     NAME   CHANNELS",
                        "basic  Basic  news-hd"), ""),
                new Step("package rm-channel basic sport", 1, "",
                        lines("headwater: channel sport in package basic does not exist")),
                new Step("package add-channel basic sport news-hd", 0, lines(
                        "ID     NAME   CHANNELS",
                        "basic  Basic  news-hd,sport"), ""),
                new Step("channel rm sport", 0, lines("removed channel sport"), ""),
                new Step("package list", 0, lines(
                        "ID     NAME   CHANNELS",
                        "basic  Basic  news-hd"), ""),
                new Step("package rm basic", 0, lines("removed package basic"), ""),
                new Step("package rm basic", 1, "", lines("headwater: package basic does not exist")),
                new Step("package list", 0, lines("(none)"), ""),
                new Step("channel", 2, "", null),
                new Step("package", 2, "", null));
        runAll(steps);
    }

    @Test
    void json_output_carries_every_field() throws Exception {
        assertThat(run("channel add news-hd --number 101 --name \"News HD\" --source udp://239.1.1.1:5000"
                + " --epg-id news.example --archive-days 3 --logo https://logo.example/n.png --json").code()).isZero();

        Result list = run("channel list --json");

        assertThat(list.code()).isZero();
        assertThat(list.err()).isEmpty();
        JsonNode channels = new ObjectMapper().readTree(list.out());
        assertThat(channels.isArray()).isTrue();
        JsonNode news = channels.get(0);
        assertThat(news.get("id").asText()).isEqualTo("news-hd");
        assertThat(news.get("number").asInt()).isEqualTo(101);
        assertThat(news.get("name").asText()).isEqualTo("News HD");
        assertThat(news.get("enabled").asBoolean()).isTrue();
        assertThat(news.get("sources").get(0).asText()).isEqualTo("udp://239.1.1.1:5000");
        assertThat(news.get("epgChannelId").asText()).isEqualTo("news.example");
        assertThat(news.get("archiveDays").asInt()).isEqualTo(3);
        assertThat(news.get("logo").asText()).isEqualTo("https://logo.example/n.png");
        assertThat(news.get("version").asLong()).isEqualTo(1);
        assertThat(news.get("created").asText()).endsWith("Z");
        JsonNode removed = new ObjectMapper().readTree(run("channel rm news-hd --json").out());
        assertThat(removed.get("removed").asText()).isEqualTo("channel");
        assertThat(removed.get("id").asText()).isEqualTo("news-hd");
    }

    @Test
    void channel_update_sets_and_clears_the_renditions() throws Exception {
        String table = "ID       NUMBER  NAME     ENABLED  SOURCES  VERSION";
        List<Step> steps = List.of(
                new Step("channel add news-hd --number 101", 0, null, ""),
                new Step("channel add news-sd --number 102", 0, null, ""),
                new Step("channel add news-radio --number 103", 0, null, ""),
                new Step("channel update news-hd --rendition news-sd --rendition news-radio", 0, lines(table,
                        "news-hd  101     news-hd  yes      0        2"), ""),
                new Step("channel update news-hd --rendition news-hd", 1, "", lines("headwater: channel renditions"
                        + " lists the channel news-hd itself: a rendition is another channel carrying the same programme")),
                new Step("channel update news-hd --rendition news-4k", 1, "",
                        lines("headwater: channel news-hd refers to unknown channel id [news-4k]")),
                new Step("channel update news-hd --rendition news-sd --no-renditions", 2, "", null));
        runAll(steps);
        ObjectMapper json = new ObjectMapper();
        JsonNode listed = json.readTree(run("channel list --json").out());
        assertThat(listed.get(0).get("renditions")).extracting(JsonNode::asText).containsExactly("news-sd", "news-radio");
        assertThat(listed.get(1).get("renditions")).isEmpty();

        JsonNode renamed = json.readTree(run("channel update news-hd --name News --json").out());
        assertThat(renamed.get("renditions")).as("other changes keep them").hasSize(2);
        JsonNode cleared = json.readTree(run("channel update news-hd --no-renditions --json").out());
        assertThat(cleared.get("renditions")).isEmpty();
        assertThat(cleared.get("name").asText()).isEqualTo("News");
        assertThat(run("channel rm news-sd").code()).isZero();
    }

    @Test
    void concurrent_add_channel_commands_never_lose_each_others_channel() throws Exception {
        int commands = 10;
        for (int i = 0; i < commands; i++) {
            assertThat(run("channel add ch-" + i + " --number " + (100 + i)).code()).isZero();
        }
        assertThat(run("package add basic").code()).isZero();
        ExecutorService threads = Executors.newFixedThreadPool(commands);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                String line = "package add-channel basic ch-" + i;
                results.add(threads.submit(() -> {
                    start.await();
                    return run(line);
                }));
            }
            start.countDown();
            for (Future<Result> result : results) {
                Result done = result.get();
                assertThat(done.code()).as(done.err()).isZero();
            }
        } finally {
            threads.shutdownNow();
        }

        JsonNode basic = new ObjectMapper().readTree(run("package list --json").out()).get(0);
        assertThat(basic.get("channels")).hasSize(commands);
    }

    @Test
    void backup_and_restore_round_trip_the_catalogue() throws Exception {
        run("channel add news-hd --number 101 --name \"News HD\" --source udp://239.1.1.1:5000");
        run("channel add sport --number 102 --source udp://239.1.1.2:5000");
        run("package add basic --channel news-hd --channel sport");
        String channelsBefore = run("channel list --json").out();
        String packagesBefore = run("package list --json").out();
        Path backup = dir.resolve("backup.db");

        Result backedUp = run("backup " + backup);
        assertThat(backedUp.code()).as(backedUp.err()).isZero();
        assertThat(backedUp.out()).startsWith("backed up SQLite " + dir.resolve("headwater.db") + " to " + backup + " (");
        assertThat(run("backup " + backup).err()).isEqualTo(lines("headwater: cannot back up SQLite "
                + dir.resolve("headwater.db") + " to " + backup + ": the file exists already"));

        run("channel rm sport");
        run("channel add weather --number 103 --source udp://239.1.1.3:5000");
        run("package rm basic");
        assertThat(run("channel list --json").out()).isNotEqualTo(channelsBefore);

        String version = headwater.store.SqliteRestore.inspect(backup).schemaVersion();
        Result restored = run("restore " + backup);
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).isEqualTo(lines("restored " + backup + " (schema version " + version + ") into "
                + dir.resolve("headwater.db") + "; the previous database is " + dir.resolve("headwater.db.bak")));
        assertThat(run("channel list --json").out()).isEqualTo(channelsBefore);
        assertThat(run("package list --json").out()).isEqualTo(packagesBefore);
        assertThat(dir.resolve("headwater.db.bak")).exists();
    }

    @Test
    void restore_refuses_while_a_server_holds_the_data_directory_and_refuses_a_foreign_file() throws Exception {
        run("channel add news-hd --number 101");
        Path backup = dir.resolve("backup.db");
        run("backup " + backup);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");

        try (DataDirLock server = DataDirLock.acquire(dir)) {
            Result refused = run("restore " + backup);
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).isEqualTo(lines("headwater: cannot restore while a Headwater server is running on "
                    + dir + " (pid " + ProcessHandle.current().pid() + "): stop it first, then run restore again"));
            assertThat(run("channel list").code()).as("the store commands work while it runs").isZero();
        }
        Result foreign = run("restore " + notes);
        assertThat(foreign.code()).isEqualTo(1);
        assertThat(foreign.err()).isEqualTo(lines("headwater: " + notes + " is not a SQLite database (a Headwater"
                + " backup starts with 'SQLite format 3')"));
        assertThat(run("channel list").out()).contains("news-hd");
    }

    @Test
    void backup_and_restore_of_postgresql_point_to_pg_dump_with_exit_code_2() {
        Map<String, String> env = Map.of("HEADWATER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/headwater?password=s3cret");
        for (String command : List.of("backup", "restore")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int code = Main.run(new String[] {command, "x.db", "--data-dir", dir.toString()}, env, new PrintWriter(out),
                    new PrintWriter(err));

            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).startsWith("headwater " + command + ": the database is PostgreSQL"
                    + " (jdbc:postgresql://127.0.0.1:5432/headwater?password=***)").contains("pg_dump --format=custom")
                    .doesNotContain("s3cret");
        }
    }

    @Test
    void api_tokens_are_shown_once_listed_by_name_and_revoked_but_kept() throws Exception {
        Result made = run("admin token create --name billing-script --role SUPPORT --scope catalogue:read,sessions:kill"
                + " --expires 30d");
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).matches("hw_api_[A-Za-z0-9_-]{43}" + NL);
        String token = made.out().strip();

        Result listed = run("admin token list");
        assertThat(listed.out()).startsWith("NAME            ROLE     SCOPES").contains("billing-script")
                .contains("catalogue:read,sessions:kill").contains("never").contains("active").doesNotContain(token);
        assertThat(run("admin token create --name billing-script --role ADMIN --scope admin").code()).isEqualTo(1);
        assertThat(run("admin token revoke billing-script").out()).isEqualTo(lines("revoked api token billing-script"));
        assertThat(run("admin token revoke billing-script").err())
                .isEqualTo(lines("headwater: active api token billing-script does not exist"));
        assertThat(run("admin token list").out()).contains("billing-script").contains("revoked 2");
    }

    @Test
    void a_token_s_scopes_must_fit_its_role_and_a_reseller_token_names_its_reseller() throws Exception {
        Result beyond = run("admin token create --name t1 --role SUPPORT --scope catalogue:write");
        assertThat(beyond.code()).isEqualTo(1);
        assertThat(beyond.err()).contains("[catalogue:write] are beyond what role SUPPORT may do");
        Result unknown = run("admin token create --name t2 --role ADMIN --scope root");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("\"root\" is not a scope");
        Result reseller = run("admin token create --name t3 --role RESELLER --scope subscribers:read");
        assertThat(reseller.err()).contains("resellerId is missing");
        assertThat(run("admin token create --name t4 --role RESELLER --reseller r1 --scope subscribers:*").code())
                .isZero();
        assertThat(run("admin token list").out()).contains("RESELLER r1").contains("subscribers:read,subscribers:write");
    }
}
