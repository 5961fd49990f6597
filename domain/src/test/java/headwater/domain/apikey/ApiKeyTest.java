package headwater.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiKeyTest {

    private static final String DIGEST = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            admin          | ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad |
            billing.script | ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad |
            NULL           | ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad | api key name is missing
            'bad name'     | ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad | api key name "bad name" is not an id
            admin          | NULL                                                             | api key digest must be 64
            admin          | BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD | api key digest must be 64
            admin          | ba7816bf                                                         | api key digest must be 64
            admin          | hw_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA  | api key digest must be 64
            """)
    void name_and_digest_rules(String name, String digest, String error) {
        if (error == null) {
            assertThat(new ApiKey(name, digest, Instant.EPOCH, null).name()).isEqualTo(name);
        } else {
            assertThatThrownBy(() -> new ApiKey(name, digest, Instant.EPOCH, null))
                    .isInstanceOf(InvalidValueException.class).hasMessageStartingWith(error);
        }
    }

    @org.junit.jupiter.api.Test
    void the_created_time_is_required() {
        assertThatThrownBy(() -> new ApiKey("admin", DIGEST, null, null)).isInstanceOf(NullPointerException.class);
    }
}
