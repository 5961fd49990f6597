package headwater.store.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void defaults() {
        RedisSettings settings = RedisSettings.of("redis://127.0.0.1:6379/0");

        assertThat(settings.prefix()).isEqualTo("hw:");
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retention()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyRefusalNamesItsField() {
        assertThatThrownBy(() -> RedisSettings.of(" ")).hasMessageStartingWith("redis.url is missing");
        assertThatThrownBy(() -> RedisSettings.of("http://127.0.0.1")).hasMessageStartingWith("redis.url http://127.0.0.1");
        assertThatThrownBy(() -> RedisSettings.of("redis://h:notaport")).hasMessageStartingWith("redis.url redis://h:notaport is not a Redis URL");
        RedisSettings ok = RedisSettings.of("redis://127.0.0.1");
        assertThatThrownBy(() -> ok.withPrefix("")).hasMessageStartingWith("redis.prefix ''");
        assertThatThrownBy(() -> ok.withPrefix("hw :")).hasMessageStartingWith("redis.prefix 'hw :'");
        assertThatThrownBy(() -> ok.withPrefix("x".repeat(65))).hasMessageStartingWith("redis.prefix");
        assertThatThrownBy(() -> ok.withPrefix(null)).hasMessage("redis.prefix");
        assertThatThrownBy(() -> ok.withCommandTimeout(Duration.ZERO)).hasMessageStartingWith("redis.commandTimeout is PT0S");
        assertThatThrownBy(() -> ok.withCommandTimeout(Duration.ofMinutes(2))).hasMessageStartingWith("redis.commandTimeout");
        assertThatThrownBy(() -> ok.withRetention(Duration.ofMillis(10))).hasMessageStartingWith("redis.retention is PT0.01S");
    }

    @Test
    void thePasswordNeverShows() {
        RedisSettings settings = RedisSettings.of("rediss://default:s3cret@redis.example:6380/2");

        assertThat(settings.maskedUrl()).isEqualTo("rediss://***@redis.example:6380/2");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("rediss://***@redis.example:6380/2");
        assertThatThrownBy(() -> RedisSettings.of("http://u:s3cret@x")).hasMessageNotContaining("s3cret");
    }
}
