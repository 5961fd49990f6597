package headwater.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.subscriber.Money;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProrationTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest(name = "{0} -> {1} on day {2}: credit {3}, charge {4}, net {5}")
    @CsvSource(delimiter = '|', textBlock = """
            1000 | 2000 | 0  | 1000 | 2000 | 1000
            1000 | 2000 | 15 | 500  | 1000 | 500
            2000 | 1000 | 15 | 1000 | 500  | -500
            999  | 1999 | 10 | 666  | 1333 | 667
            1000 | 2000 | 30 | 0    | 0    | 0
            """)
    void the_unused_old_plan_is_credited_and_the_new_plan_charged(long oldPrice, long newPrice, int day,
                                                                  long credit, long charge, long net) {
        Proration p = Proration.of(Money.of(oldPrice, "EUR"), Money.of(newPrice, "EUR"), START, END,
                START.plusSeconds(day * 86_400L));

        assertThat(p.credit().minorUnits()).isEqualTo(credit);
        assertThat(p.charge().minorUnits()).isEqualTo(charge);
        assertThat(p.net().minorUnits()).isEqualTo(net);
    }

    @Test
    void currencies_and_instants_outside_the_period_are_refused() {
        assertThatThrownBy(() -> Proration.of(Money.of(1, "EUR"), Money.of(1, "USD"), START, END, START))
                .hasMessageContaining("keeps the subscription's currency");
        assertThatThrownBy(() -> Proration.of(Money.of(1, "EUR"), Money.of(1, "EUR"), START, END,
                END.plusSeconds(1))).hasMessageContaining("outside the period");
    }
}
