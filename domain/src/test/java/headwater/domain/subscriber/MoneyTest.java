package headwater.domain.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1999   | EUR | 19.99 EUR
            5      | USD | 0.05 USD
            -250   | GBP | -2.50 GBP
            500    | JPY | 500 JPY
            1234   | KWD | 1.234 KWD
            0      | CHF | 0.00 CHF
            """)
    void keeps_integer_minor_units_and_shows_them_exactly(long minor, String currency, String shown) {
        Money money = Money.of(minor, currency);

        assertThat(money.minorUnits()).isEqualTo(minor);
        assertThat(money).hasToString(shown);
        assertThat(money.amount()).isEqualByComparingTo(new BigDecimal(shown.substring(0, shown.indexOf(' '))));
    }

    @Test
    void sums_are_exact_where_floating_point_is_not() {
        Money dime = Money.of(10, "EUR");
        Money sum = Money.of(0, "EUR");
        for (int i = 0; i < 3; i++) {
            sum = sum.plus(dime);
        }
        assertThat(0.1 + 0.1 + 0.1).isNotEqualTo(0.3);
        assertThat(sum).isEqualTo(Money.of(30, "EUR"));
        assertThat(sum.amount()).isEqualByComparingTo("0.30");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            eur  | money currency "eur" is not an ISO 4217 code: three capital letters such as EUR or USD
            EURO | money currency "EURO" is not an ISO 4217 code: three capital letters such as EUR or USD
            ''   | money currency "" is not an ISO 4217 code: three capital letters such as EUR or USD
            XYZ  | money currency "XYZ" is not an ISO 4217 currency
            """)
    void refuses_what_is_not_an_iso_4217_currency(String code, String message) {
        assertThatThrownBy(() -> Money.of(1, code)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void refuses_mixed_currencies_overflow_and_a_missing_currency() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("money currency of 0.01 USD differs from 0.01 EUR: amounts of different currencies cannot be added");
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "JPY").plus(Money.of(1, "JPY")))
                .hasMessage("money minorUnits of 9223372036854775807 JPY plus 1 JPY is out of range");
        assertThatThrownBy(() -> Money.of(1, null)).hasMessage("money currency is missing");
    }
}
