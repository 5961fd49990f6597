package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials in paths never reach the access log. */
class AccessLogTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/s/0123abcd/live/news/index.m3u8 | /s/***/live/news/index.m3u8",
            "/s/0123abcd                      | /s/***",
            "/live/alice/s3cret/12.ts         | /live/***/***/12.ts",
            "/live/alice/s3cret/12.m3u8       | /live/***/***/12.m3u8",
            "/movie/alice/s3cret/7.mkv        | /movie/***/***/7.mkv",
            "/series/alice/s3cret/9.mp4       | /series/***/***/9.mp4",
            "/timeshift/alice/s3cret/120/2026-01-01:20-00/12.ts | /timeshift/***/***/120/2026-01-01:20-00/12.ts",
            "/timeshift/ab12cd/120/2026-01-01:20-00/12.ts | /timeshift/***/***/2026-01-01:20-00/12.ts",
            "/live/ab12cd34/12.ts             | /live/***/12.ts",
            "/movie/ab12cd34/7.mp4            | /movie/***/7.mp4",
            "/live/alice/s3cret/              | /live/***/***/",
            "/live/alice                      | /live/***",
            "/live/alice/s3cret/a/b/12.ts     | /live/***/***/a/b/12.ts",
            "/alice/s3cret/12                 | /***/***/12",
            "/alice/s3cret/12.ts              | /***/***/12.ts",
            "/player_api.php                  | /player_api.php",
            "/api/v1/channels                 | /api/v1/channels",
            "/api/v1/subscribers/12           | /api/v1/subscribers/12",
            "/healthz                         | /healthz",
            "/                                | /"})
    void masksTheCredentialsOfEveryPathForm(String path, String logged) {
        assertThat(AccessLog.safePath(path)).isEqualTo(logged);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "username=alice&password=s3cret&action=get_live_streams | username=***&password=***&action=get_live_streams",
            "username=alice&password=s3cret&stream=12&start=2026-01-01:20-00&duration=120"
                    + " | username=***&password=***&stream=12&start=2026-01-01:20-00&duration=120",
            "token=abc&type=m3u_plus | token=***&type=m3u_plus"})
    void masksXtreamCredentialsInQueries(String query, String logged) {
        assertThat(QueryMask.mask(query)).isEqualTo(logged);
    }
}
