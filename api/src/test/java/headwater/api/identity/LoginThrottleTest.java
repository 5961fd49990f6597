package headwater.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T20:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @ParameterizedTest(name = "failure {0}")
    @CsvSource({"1, 0", "5, 0", "6, 1", "7, 2", "8, 4", "14, 256", "15, 512", "16, 900", "1000, 900"})
    void the_delay_doubles_after_the_free_failures_up_to_fifteen_minutes(int failures, long seconds) {
        assertThat(LoginThrottle.delay(failures, 5)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void a_username_from_one_address_waits_and_the_same_username_elsewhere_does_not() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("alice", "203.0.113.1");
        }

        assertThat(throttle.waitFor("alice", "203.0.113.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("ALICE", "203.0.113.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("alice", "198.51.100.7")).isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("alice", "203.0.113.1")).isNull();
    }

    @Test
    void an_address_trying_many_usernames_waits_for_all_of_them() {
        for (int i = 0; i < 21; i++) {
            throttle.failed("user" + i, "203.0.113.1");
        }

        assertThat(throttle.waitFor("someone-new", "203.0.113.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("someone-new", "203.0.113.2")).isNull();
    }

    @Test
    void a_quiet_hour_forgets_and_a_success_clears_only_the_username_from_that_address() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("alice", "203.0.113.1");
        }
        throttle.succeeded("alice", "203.0.113.1");
        assertThat(throttle.waitFor("alice", "203.0.113.1")).isNotNull();

        clock.advance(Duration.ofHours(1));

        assertThat(throttle.waitFor("alice", "203.0.113.1")).isNull();
    }

    @Test
    void a_flood_of_failures_slows_every_answer_but_refuses_none() {
        for (int i = 0; i <= LoginThrottle.GLOBAL_PER_MINUTE; i++) {
            throttle.failed("user" + i, "10.0." + i / 250 + "." + i % 250);
        }

        assertThat(throttle.globalSlowdown()).isTrue();
        assertThat(throttle.waitFor("alice", "198.51.100.7")).isNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.globalSlowdown()).isFalse();
    }
}
