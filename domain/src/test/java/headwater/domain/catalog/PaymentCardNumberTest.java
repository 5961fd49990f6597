package headwater.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.domain.subscriber.ResellerDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PaymentCardNumberTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            4111111111111111                     | true
            4111 1111 1111 1111                  | true
            my card is 4111-1111-1111-1111 thanks | true
            5555555555554444                     | true
            378282246310005                      | true
            6011 0009 9013 9424                  | true
            4111111111111112                     | false
            0000 0000 0000 0000                  | false
            BBC One HD 1080                      | false
            +44 20 7946 0958                     | false
            Sky Sports 2026-11-21 20:00          | false
            1234                                 | false
            order 12345678901234567890123 ref    | false
            /tmp/junit4111111111111111/guide.xml | false
            /tmp/4111111111111111/guide.xml      | false
            https://x.test/?n=4111111111111111   | false
            card: 4111111111111111, exp 12/29    | true
            (4111 1111 1111 1111)                | true
            """)
    void finds_luhn_valid_card_numbers_in_free_text(String text, boolean card) {
        assertThat(PaymentCardNumber.appearsIn(text)).isEqualTo(card);
    }

    @Test
    void free_text_with_a_card_number_is_refused_without_repeating_it() {
        assertThatThrownBy(() -> new ResellerDraft("r1", "Card 4111 1111 1111 1111"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("payment card number")
                .hasMessageNotContaining("4111");
    }

    @FuzzTest
    void any_text_is_answered(String text) {
        if (text != null) {
            PaymentCardNumber.appearsIn(text);
        }
    }
}
