package headwater.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad configurations paired with their exact messages (like MediaMTX's TestConfErrors). */
class BadConfigTest {

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad("unknown key with a suggestion", """
                        server:
                          prot: 8080
                        """, Map.of(), "headwater.yml:2: unknown key 'server.prot'; did you mean 'server.port'?"),
                bad("unknown key without a close match", """
                        hls:
                          segmentFormat: fmp4
                        """, Map.of(), "headwater.yml:2: unknown key 'hls.segmentFormat'; known keys here: "
                        + "extraSegmentsOnDisk, keepOtherData, keepScte35, keepSubtitles, keyRotation, targetDuration, windowSegments"),
                bad("unknown top-level section", """
                        chanels: []
                        """, Map.of(), "headwater.yml:1: unknown key 'chanels'; did you mean 'channels'?"),
                bad("target duration out of range", """
                        hls:
                          targetDuration: 45s
                        """, Map.of(), "headwater.yml:2: hls.targetDuration must be between 1s and 30s, got 45s"),
                bad("duration without unit", """
                        hls:
                          targetDuration: 4
                        """, Map.of(), "headwater.yml:2: hls.targetDuration must be " + DurationText.EXPECTED + ", got '4'"),
                bad("keep flag not a boolean", """
                        hls:
                          keepScte35: sometimes
                        """, Map.of(), "headwater.yml:2: hls.keepScte35 must be true or false, got 'sometimes'"),
                bad("port not a number", """
                        server:
                          port: http
                        """, Map.of(), "headwater.yml:2: server.port must be a whole number, got 'http'"),
                bad("port out of range", """
                        server:
                          port: 70000
                        """, Map.of(), "headwater.yml:2: server.port must be between 0 and 65535, got 70000"),
                bad("egress capacity without a unit", """
                        server:
                          egressCapacity: 10G
                        """, Map.of(), "headwater.yml:2: server.egressCapacity must be " + BitrateText.EXPECTED
                        + ", got '10G'"),
                bad("egress capacity out of range", """
                        server:
                          egressCapacity: 500 kbit/s
                        """, Map.of(), "headwater.yml:2: server.egressCapacity must be between 1 Mbit/s and 100 Tbit/s,"
                        + " got 500 kbit/s"),
                bad("node id with a space", """
                        server:
                          nodeId: node one
                        """, Map.of(), "headwater.yml:2: server.nodeId 'node one' must match " + ServerConfig.NODE_ID_PATTERN),
                bad("trusted proxy that is no CIDR", "", Map.of("HEADWATER_SERVER_TRUSTED_PROXIES", "10.0.0.0/8, lb.example"),
                        "$HEADWATER_SERVER_TRUSTED_PROXIES: server.trustedProxies[1] 'lb.example' is not a CIDR such as"
                        + " 10.0.0.0/8 or fd00::/8: the address must be an IPv4 or IPv6 literal, not a host name"),
                bad("unknown limit policy", """
                        sessions:
                          limitPolicy: end-newest
                        """, Map.of(), "headwater.yml:2: sessions.limitPolicy must be refuse-new or end-oldest, got 'end-newest'"),
                bad("session lifetime too short", """
                        sessions:
                          lifetime: 30s
                        """, Map.of(), "headwater.yml:2: sessions.lifetime must be between 1m and 30d, got 30s"),
                bad("redis URL of another scheme, password not shown", """
                        redis:
                          url: http://user:secret@cache:6379
                        """, Map.of(), "headwater.yml:2: redis.url must be redis://[user:password@]host[:port][/database]"
                        + " or rediss://..., got 'http://***@cache:6379'"),
                bad("section given as a scalar", """
                        server: 8080
                        """, Map.of(), "headwater.yml:1: server must be a mapping of keys, got '8080'"),
                bad("channel id with spaces, and channel without sources", """
                        channels:
                          - id: news
                            sources: [ "udp://239.0.0.1:1234" ]
                          - id: sport
                            sources: [ "udp://239.0.0.2:1234" ]
                          - id: News HD
                            sources: []
                        """, Map.of(),
                        "headwater.yml:6: channels[2].id 'News HD' must match [a-z0-9][a-z0-9-]{0,62}",
                        "headwater.yml:7: channels[2].sources must not be empty: list at least one source URI"),
                bad("channel without the sources key", """
                        channels:
                          - id: news
                        """, Map.of(), "headwater.yml:2: channels[0].sources must not be empty: list at least one source URI"),
                bad("duplicate channel ids", """
                        channels:
                          - id: news
                            sources: [ "udp://239.0.0.1:1234" ]
                          - id: news
                            sources: [ "udp://239.0.0.2:1234" ]
                        """, Map.of(), "headwater.yml:4: channels[1].id 'news' is already the id of channels[0]"),
                bad("unsupported source scheme", """
                        channels:
                          - id: news
                            sources:
                              - udp://239.0.0.1:1234
                              - rtmp://example.com/live
                        """, Map.of(), "headwater.yml:5: channels[0].sources[1] 'rtmp://example.com/live' must start with "
                        + "one of udp:, rtp:, http:, https:, hls+http:, hls+https:, file:, ffmpeg:"),
                bad("backoff max shorter than initial", """
                        health:
                          backoffInitial: 10s
                          backoffMax: 5s
                        """, Map.of(), "headwater.yml:3: health.backoffMax must not be shorter than health.backoffInitial (10s), got 5s"),
                bad("session lifetime shorter than the idle timeout", """
                        security:
                          sessionIdleTimeout: 2h
                          sessionLifetime: 1h
                        """, Map.of(), "headwater.yml:3: security.sessionLifetime must not be shorter than"
                        + " security.sessionIdleTimeout (2h), got 1h"),
                bad("session idle timeout out of range", """
                        security:
                          sessionIdleTimeout: 10s
                        """, Map.of(), "headwater.yml:2: security.sessionIdleTimeout must be between 1m and 1d, got 10s"),
                bad("TOTP issuer with a colon", """
                        security:
                          totpIssuer: "Acme: TV"
                        """, Map.of(), "headwater.yml:2: security.totpIssuer must be 1 to 64 characters without ':'"
                        + " or control characters (authenticator apps show it beside the account), got 'Acme: TV'"),
                bad("key given twice", """
                        server:
                          port: 1
                          port: 2
                        """, Map.of(), "headwater.yml:3: server.port is given twice"),
                bad("not YAML", """
                        server:
                          port: [1, 2
                        """, Map.of(), "headwater.yml:2: not valid YAML: while parsing a flow sequence"),
                bad("top level is a list", """
                        - server
                        """, Map.of(), "headwater.yml:1: the top level must be a mapping of keys such as 'server:', got a list"),
                bad("bad value from the environment", "", Map.of("HEADWATER_HLS_TARGET_DURATION", "45s"),
                        "$HEADWATER_HLS_TARGET_DURATION: hls.targetDuration must be between 1s and 30s, got 45s"),
                bad("unknown environment variable", "", Map.of("HEADWATER_SERVER_PROT", "9000"),
                        "$HEADWATER_SERVER_PROT: unknown configuration variable; did you mean HEADWATER_SERVER_PORT?"),
                bad("unknown channel variable", "", Map.of("HEADWATER_CHANNELS_0_ID", "a",
                                "HEADWATER_CHANNELS_0_SOURCES", "file:///a.ts", "HEADWATER_CHANNELS_0_NMAE", "A"),
                        "$HEADWATER_CHANNELS_0_NMAE: unknown configuration variable; did you mean HEADWATER_CHANNELS_0_NAME?"),
                bad("database URL of an unsupported database, its password masked", """
                        database:
                          url: jdbc:mysql://db.example.com/headwater?user=hw&password=s3cret
                        """, Map.of(), "headwater.yml:2: database.url 'jdbc:mysql://db.example.com/headwater?user=hw&password=***'"
                        + " must be empty (SQLite in <dataDir>/headwater.db), jdbc:postgresql://host[:port]/database, or"
                        + " jdbc:sqlite:/path/to/file.db (in-memory SQLite is not supported)"),
                bad("in-memory SQLite", """
                        database:
                          url: "jdbc:sqlite::memory:"
                        """, Map.of(), "headwater.yml:2: database.url 'jdbc:sqlite::memory:' must be empty (SQLite in"
                        + " <dataDir>/headwater.db), jdbc:postgresql://host[:port]/database, or jdbc:sqlite:/path/to/file.db"
                        + " (in-memory SQLite is not supported)"),
                bad("pool size out of range", """
                        database:
                          poolSize: 0
                        """, Map.of(), "headwater.yml:2: database.poolSize must be between 1 and 64, got 0"),
                bad("a password for SQLite, from the environment, not quoted", "",
                        Map.of("HEADWATER_DATABASE_PASSWORD", "s3cret"),
                        "$HEADWATER_DATABASE_PASSWORD: database.password is set but the database is SQLite, which has no"
                                + " users or passwords: remove it, or set database.url to a jdbc:postgresql:// URL"),
                bad("a user for SQLite", """
                        database:
                          user: headwater
                        """, Map.of(), "headwater.yml:2: database.user is set but the database is SQLite, which has no"
                                + " users or passwords: remove it, or set database.url to a jdbc:postgresql:// URL"),
                bad("unknown database key", """
                        database:
                          pasword: s3cret
                        """, Map.of(), "headwater.yml:2: unknown key 'database.pasword'; did you mean 'database.password'?"),
                bad("outbound network that is a host name", """
                        outbound:
                          allowedNetworks: [ 10.0.0.0/8, localhost ]
                        """, Map.of(), "headwater.yml:2: outbound.allowedNetworks[1] 'localhost' is not a CIDR such as"
                        + " 10.0.0.0/8 or fd00::/8: the address must be an IPv4 or IPv6 literal, not a host name"),
                bad("outbound prefix too long, from the environment", "",
                        Map.of("HEADWATER_OUTBOUND_ALLOWED_NETWORKS", "127.0.0.1/33"),
                        "$HEADWATER_OUTBOUND_ALLOWED_NETWORKS: outbound.allowedNetworks[0] '127.0.0.1/33' has the prefix"
                                + " length 33: 0 to 32 allowed for IPv4"),
                bad("vod probe concurrency out of range", """
                        vod:
                          probeConcurrency: 0
                        """, Map.of(), "headwater.yml:2: vod.probeConcurrency must be between 1 and 16, got 0"),
                bad("vod probe timeout that is no duration, from the environment", "",
                        Map.of("HEADWATER_VOD_PROBE_TIMEOUT", "soon"),
                        "$HEADWATER_VOD_PROBE_TIMEOUT: vod.probeTimeout must be a whole number and a unit (ms, s, m, h, d),"
                                + " such as 500ms, 4s, 10m, 1h or 1d, got 'soon'"),
                bad("vod scan interval too short", """
                        vod:
                          scanInterval: 100ms
                        """, Map.of(), "headwater.yml:2: vod.scanInterval must be between 1s and 1h, got 100ms"),
                bad("unknown ffprobe key", """
                        ffmpeg:
                          ffprobe: /usr/bin/ffprobe
                        """, Map.of(), "headwater.yml:2: unknown key 'ffmpeg.ffprobe'; known keys here: ffprobePath, path"),
                bad("channel package that is no id, and one listed twice", """
                        channels:
                          - id: news
                            sources: [ "udp://239.1.1.1:5000" ]
                            packages: [ basic, "sp ort", basic ]
                        """, Map.of(), "headwater.yml:4: channels[0].packages[1] \"sp ort\" is not an id: it must start"
                        + " with a letter or digit and contain only ASCII letters, digits, '.', '_' and '-'",
                        "headwater.yml:4: channels[0].packages[2] 'basic' is listed twice"),
                bad("channel packages as a mapping", """
                        channels:
                          - id: news
                            sources: [ "udp://239.1.1.1:5000" ]
                            packages: { basic: yes }
                        """, Map.of(), "headwater.yml:4: channels[0].packages must be a list of package ids, got a mapping"),
                bad("channel package from the environment", "", Map.of("HEADWATER_CHANNELS_0_ID", "news",
                                "HEADWATER_CHANNELS_0_SOURCES", "udp://239.1.1.1:5000",
                                "HEADWATER_CHANNELS_0_PACKAGES", "basic,-x"),
                        "$HEADWATER_CHANNELS_0_PACKAGES: channels[0].packages[1] \"-x\" is not an id: it must start"
                                + " with a letter or digit and contain only ASCII letters, digits, '.', '_' and '-'"),
                bad("xtream public URL with a path", """
                        xtream:
                          publicUrl: http://tv.example.net/iptv
                        """, Map.of(), "headwater.yml:2: xtream.publicUrl must be http://host[:port] or"
                        + " https://host[:port] (no path), got 'http://tv.example.net/iptv'"),
                bad("xtream time zone that does not exist", "", Map.of("HEADWATER_XTREAM_TIME_ZONE", "Mars/Olympus"),
                        "$HEADWATER_XTREAM_TIME_ZONE: xtream.timeZone must be an IANA time zone such as UTC or"
                                + " Europe/London, got 'Mars/Olympus'"),
                bad("xtream failure limit of zero", """
                        xtream:
                          maxFailuresPerAccount: 0
                        """, Map.of(), "headwater.yml:2: xtream.maxFailuresPerAccount must be between 1 and 1000000, got 0"),
                bad("channel index with a gap", "", Map.of("HEADWATER_CHANNELS_2_ID", "a"),
                        "$HEADWATER_CHANNELS_2_ID: channels[2] cannot be set before channels[0]: there are 0 channels so far"));
    }

    private static Arguments bad(String what, String yaml, Map<String, String> env, String... messages) {
        return Arguments.of(what, yaml, env, List.of(messages));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void is_rejected_with_a_message_that_names_the_key(String what, String yaml, Map<String, String> env, List<String> messages) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.loadText("headwater.yml", yaml, env));

        assertThat(e).as(what).isNotNull();
        assertThat(e.problems()).as(what).containsExactlyElementsOf(messages);
    }
}
