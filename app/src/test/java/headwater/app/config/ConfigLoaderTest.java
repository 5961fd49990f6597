package headwater.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.api.identity.AuthSettings;
import headwater.app.wiring.WebLogins;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path EXAMPLE = Path.of("..", "headwater.example.yml");

    @Test
    void nothing_configured_gives_the_defaults() {
        HeadwaterConfig config = ConfigLoader.load(Optional.empty(), Map.of(), List.of());

        assertThat(config).isEqualTo(HeadwaterConfig.defaults());
        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 8080));
        assertThat(config.hls().targetDuration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.health().backoffMax()).isEqualTo(Duration.ofSeconds(30));
    }

    /** Like MediaMTX's TestDefaultConfFile: the shipped reference file is exactly the defaults. */
    @Test
    void the_example_file_equals_the_defaults() {
        assertThat(ConfigLoader.load(Optional.of(EXAMPLE), Map.of(), List.of())).isEqualTo(HeadwaterConfig.defaults());
    }

    @Test
    void the_example_file_documents_every_key() throws Exception {
        String example = Files.readString(EXAMPLE);
        for (String key : ConfigKeys.LEAVES) {
            assertThat(example).as("headwater.example.yml documents %s", key)
                    .containsPattern("(?m)^[ #]*(- )?" + ConfigKeys.lastSegment(key) + ":");
        }
    }

    @Test
    void the_file_wins_over_defaults_the_environment_over_the_file_and_options_over_both(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("headwater.yml");
        Files.writeString(file, """
                server:
                  host: 0.0.0.0
                  port: 9000
                hls:
                  targetDuration: 6s
                  windowSegments: 8
                """);
        Map<String, String> env = Map.of(
                "HEADWATER_SERVER_PORT", "9001",
                "HEADWATER_HLS_TARGET_DURATION", "2s",
                "HEADWATER_HEALTH_MAX_CC_ERRORS_PER_SECOND", "7",
                "PATH", "/usr/bin");

        HeadwaterConfig fileOnly = ConfigLoader.load(Optional.of(file), Map.of(), List.of());
        HeadwaterConfig withEnv = ConfigLoader.load(Optional.of(file), env, List.of());
        HeadwaterConfig withOptions = ConfigLoader.load(Optional.of(file), env,
                List.of(new ConfigOverride("server.port", "9002", "--port")));

        assertThat(fileOnly.server()).isEqualTo(new ServerConfig("0.0.0.0", 9000));
        assertThat(fileOnly.hls()).isEqualTo(new HlsConfig(Duration.ofSeconds(6), 8, 4));
        assertThat(withEnv.server()).isEqualTo(new ServerConfig("0.0.0.0", 9001));
        assertThat(withEnv.hls()).isEqualTo(new HlsConfig(Duration.ofSeconds(2), 8, 4));
        assertThat(withEnv.health().maxCcErrorsPerSecond()).isEqualTo(7);
        assertThat(withOptions.server().port()).isEqualTo(9002);
    }

    @Test
    void channels_come_from_the_file_and_the_environment_by_index() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                channels:
                  - id: news-hd
                    name: News HD
                    sources: [ "udp://239.1.1.1:5000", "hls+https://backup.example.com/news.m3u8" ]
                    slate: file:///srv/slate.ts
                    targetDuration: 6s
                """, Map.of(
                "HEADWATER_CHANNELS_0_NAME", "News",
                "HEADWATER_CHANNELS_1_ID", "sport",
                "HEADWATER_CHANNELS_1_SOURCES", "http://10.0.0.1/sport.ts, ffmpeg:rtmp://10.0.0.2/live/sport"));

        assertThat(config.channels()).containsExactly(
                new ChannelConfig("news-hd", "News",
                        List.of(URI.create("udp://239.1.1.1:5000"), URI.create("hls+https://backup.example.com/news.m3u8")),
                        Optional.of(URI.create("file:///srv/slate.ts")), Optional.of(Duration.ofSeconds(6))),
                new ChannelConfig("sport", "sport",
                        List.of(URI.create("http://10.0.0.1/sport.ts"), URI.create("ffmpeg:rtmp://10.0.0.2/live/sport")),
                        Optional.empty(), Optional.empty()));
        assertThat(config.channels().get(0).effectiveTargetDuration(config.hls())).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.channels().get(1).effectiveTargetDuration(config.hls())).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void a_channel_keeps_the_archive_days_of_the_file_or_the_environment() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                channels:
                  - id: news
                    sources: [ "udp://239.1.1.1:5000" ]
                    archiveDays: 3
                  - id: sport
                    sources: [ "udp://239.1.1.2:5000" ]
                """, Map.of("HEADWATER_CHANNELS_1_ARCHIVE_DAYS", "7"));

        assertThat(config.channels()).extracting(ChannelConfig::archiveDays).containsExactly(3, 7);
        assertThatThrownBy(() -> ConfigLoader.loadText("headwater.yml", """
                channels:
                  - id: news
                    sources: [ "udp://239.1.1.1:5000" ]
                    archiveDays: 400
                """, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("channels[0].archiveDays must be between 0 and 365, got 400");
    }

    @Test
    void xtream_keys_come_from_the_file_and_the_environment() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                xtream:
                  publicUrl: https://TV.example.net:8443/
                  httpsPort: 8443
                  message: Welcome
                  loginCacheTtl: 0s
                """, Map.of("HEADWATER_XTREAM_TIME_ZONE", "Europe/London",
                "HEADWATER_XTREAM_MAX_FAILURES_PER_ADDRESS", "5",
                "HEADWATER_XTREAM_FAILURE_WINDOW", "1m"));

        assertThat(config.xtream()).isEqualTo(new XtreamConfig(Optional.of(URI.create("https://TV.example.net:8443")),
                8443, java.time.ZoneId.of("Europe/London"), "Welcome", Duration.ZERO, 5,
                XtreamConfig.DEFAULT_MAX_FAILURES_PER_ACCOUNT, Duration.ofMinutes(1)));
        assertThat(HeadwaterConfig.defaults().xtream()).isEqualTo(XtreamConfig.defaults());
    }

    @Test
    void web_session_lifetimes_and_the_totp_issuer_come_from_the_file_and_the_environment() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                security:
                  sessionIdleTimeout: 15m
                  totpIssuer: Acme TV
                """, Map.of("HEADWATER_SECURITY_SESSION_LIFETIME", "8h"));

        assertThat(config.security()).isEqualTo(new SecurityConfig(Optional.empty(), Duration.ofMinutes(15),
                Duration.ofHours(8), "Acme TV"));
        assertThat(WebLogins.settings(config.security())).isEqualTo(
                new AuthSettings(Duration.ofMinutes(15), Duration.ofHours(8), "Acme TV"));
        assertThat(WebLogins.settings(HeadwaterConfig.defaults().security()))
                .as("the defaults are the API's").isEqualTo(AuthSettings.DEFAULTS);
    }

    @Test
    void sessions_server_and_redis_keys_come_from_the_file_and_the_environment() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                server:
                  trustedProxies: [ 10.0.0.0/8, "fd00::/8" ]
                  nodeId: edge-1
                  egressCapacity: 800 Mbit/s
                sessions:
                  lifetime: 6h
                  limitPolicy: end-oldest
                  bindToAddress: true
                """, Map.of(
                "HEADWATER_SESSIONS_RETRY_AFTER", "30s",
                "HEADWATER_SESSIONS_DEFAULT_BITRATE", "2.5Mbit/s",
                "HEADWATER_REDIS_URL", "redis://:pw@127.0.0.1:6379/2"));

        assertThat(config.server().trustedProxies()).containsExactly(
                headwater.security.outbound.Cidr.parse("10.0.0.0/8"), headwater.security.outbound.Cidr.parse("fd00::/8"));
        assertThat(config.server().nodeId()).isEqualTo("edge-1");
        assertThat(config.server().egressCapacityBitsPerSecond()).isEqualTo(800_000_000L);
        assertThat(config.sessions()).isEqualTo(new SessionsConfig(Duration.ofHours(6),
                headwater.domain.session.LimitPolicy.END_OLDEST, true, Duration.ofSeconds(30), 2_500_000L));
        assertThat(config.redis().url()).contains(URI.create("redis://:pw@127.0.0.1:6379/2"));
        assertThat(config.redis().toString()).doesNotContain("pw").contains("127.0.0.1:6379/2");
    }

    @Test
    void the_default_node_id_is_the_host_name_and_sessions_stay_in_memory() {
        HeadwaterConfig config = HeadwaterConfig.defaults();

        assertThat(config.server().nodeId()).matches(ServerConfig.NODE_ID_PATTERN);
        assertThat(config.server().egressCapacityBitsPerSecond()).isEqualTo(10_000_000_000L);
        assertThat(config.sessions().limitPolicy()).isEqualTo(headwater.domain.session.LimitPolicy.REFUSE_NEW);
        assertThat(config.sessions().defaultBitsPerSecond()).isEqualTo(8_000_000L);
        assertThat(config.redis().url()).isEmpty();
    }

    @Test
    void the_loaded_configuration_is_frozen() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                channels:
                  - id: a
                    sources: [ "file:///a.ts" ]
                """, Map.of());

        assertThatThrownBy(() -> config.channels().add(config.channels().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.channels().get(0).sources().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void durations_accept_every_unit() {
        assertThat(DurationText.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(DurationText.parse("4s")).contains(Duration.ofSeconds(4));
        assertThat(DurationText.parse("10m")).contains(Duration.ofMinutes(10));
        assertThat(DurationText.parse("1h")).contains(Duration.ofHours(1));
        assertThat(DurationText.parse("1d")).contains(Duration.ofDays(1));
        assertThat(DurationText.parse("4")).isEmpty();
        assertThat(DurationText.parse("1.5s")).isEmpty();
        assertThat(DurationText.parse("-1s")).isEmpty();
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ofMinutes(120))).isEqualTo("2h");
    }

    @Test
    void env_names_follow_the_documented_rule() {
        assertThat(ConfigKeys.envName("server.port")).isEqualTo("HEADWATER_SERVER_PORT");
        assertThat(ConfigKeys.envName("hls.targetDuration")).isEqualTo("HEADWATER_HLS_TARGET_DURATION");
        assertThat(ConfigKeys.envName("dataDir")).isEqualTo("HEADWATER_DATA_DIR");
        assertThat(ConfigKeys.envName("health.maxCcErrorsPerSecond")).isEqualTo("HEADWATER_HEALTH_MAX_CC_ERRORS_PER_SECOND");
        assertThat(ConfigKeys.envName("channels[12].name")).isEqualTo("HEADWATER_CHANNELS_12_NAME");
    }

    @Test
    void an_explicit_file_must_exist_and_an_implicit_one_is_optional(@TempDir Path dir) throws Exception {
        assertThat(ConfigLoader.locateFile(Optional.empty(), dir)).isEmpty();
        Files.writeString(dir.resolve("headwater.yml"), "server: {port: 1}\n");
        assertThat(ConfigLoader.locateFile(Optional.empty(), dir)).contains(dir.resolve("headwater.yml"));
        assertThatThrownBy(() -> ConfigLoader.locateFile(Optional.of(dir.resolve("nope.yml")), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("nope.yml") + ": no such file (given by --config)");
    }

    @Test
    void a_postgresql_url_takes_its_password_from_the_environment_and_no_dump_shows_it() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                database:
                  url: jdbc:postgresql://127.0.0.1:5432/headwater
                  user: headwater
                  poolSize: 4
                """, Map.of("HEADWATER_DATABASE_PASSWORD", " s3cret "));

        assertThat(config.database()).isEqualTo(new DatabaseSettings(Optional.of("jdbc:postgresql://127.0.0.1:5432/headwater"),
                Optional.of("headwater"), Optional.of(" s3cret "), 4));
        assertThat(config.database().toDatabaseConfig(Path.of("data")).password()).isEqualTo(" s3cret ");
        assertThat(config.toString()).contains("password=***", "user=headwater").doesNotContain("s3cret");
        HeadwaterConfig inUrl = ConfigLoader.loadText("headwater.yml",
                "database:\n  url: jdbc:postgresql://db/headwater?password=s3cret\n", Map.of());
        assertThat(inUrl.toString()).contains("password=***").doesNotContain("s3cret");
    }

    @Test
    void no_database_url_is_sqlite_in_the_data_directory() {
        HeadwaterConfig config = ConfigLoader.load(Optional.empty(), Map.of("HEADWATER_DATA_DIR", "/srv/hw"), List.of());

        assertThat(config.database().sqlite()).isTrue();
        assertThat(config.database().toDatabaseConfig(config.dataDir()))
                .isEqualTo(headwater.store.DatabaseConfig.sqlite(Path.of("/srv/hw")));
    }

    @Test
    void outbound_networks_come_as_a_yaml_list_or_comma_separated_from_the_environment() {
        HeadwaterConfig fromFile = ConfigLoader.loadText("headwater.yml", """
                outbound:
                  allowPrivate: true
                  allowedNetworks: [ 127.0.0.1/32, "fd00::/8" ]
                """, Map.of());
        HeadwaterConfig fromEnv = ConfigLoader.loadText("headwater.yml", "",
                Map.of("HEADWATER_OUTBOUND_ALLOWED_NETWORKS", "127.0.0.1/32, fd00::/8"));

        assertThat(fromFile.outbound().allowPrivate()).isTrue();
        assertThat(fromFile.outbound().allowedNetworks()).extracting(Object::toString).containsExactly("127.0.0.1/32", "fd00:0:0:0:0:0:0:0/8");
        assertThat(fromEnv.outbound().allowedNetworks()).isEqualTo(fromFile.outbound().allowedNetworks());
        assertThat(fromEnv.outbound().policy().allowPrivate()).isFalse();
    }

    @Test
    void channel_packages_come_as_a_yaml_list_or_comma_separated_from_the_environment() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                channels:
                  - id: news
                    sources: [ "udp://239.1.1.1:5000" ]
                    packages: [ basic, news.extra ]
                  - id: sport
                    sources: [ "udp://239.1.1.2:5000" ]
                """, Map.of("HEADWATER_CHANNELS_1_PACKAGES", "sport, basic"));

        assertThat(config.channels().get(0).packages()).containsExactly("basic", "news.extra");
        assertThat(config.channels().get(1).packages()).containsExactly("sport", "basic");
        assertThat(ConfigLoader.loadText("headwater.yml", """
                channels:
                  - id: radio
                    sources: [ "udp://239.1.1.3:5000" ]
                """, Map.of()).channels().get(0).packages()).as("none by default").isEmpty();
    }
}
