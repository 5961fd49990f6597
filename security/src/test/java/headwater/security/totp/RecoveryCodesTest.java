package headwater.security.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void ten_distinct_codes_of_80_bits_in_groups_of_four() {
        List<String> codes = RecoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"))
                .allMatch(RecoveryCodes::hasShape);
        assertThat(new HashSet<>(RecoveryCodes.generate())).doesNotContainAnyElementsOf(codes);
    }

    @Test
    void the_digest_ignores_case_spaces_and_hyphens() {
        String code = RecoveryCodes.generate().get(0);
        String typed = code.toUpperCase().replace("-", " ");

        assertThat(RecoveryCodes.digest(typed)).isEqualTo(RecoveryCodes.digest(code));
        assertThat(RecoveryCodes.digest(code).hex()).hasSize(64).doesNotContain(code.replace("-", ""));
        assertThat(RecoveryCodes.hasShape(typed)).isTrue();
    }

    @Test
    void other_text_has_not_the_shape_of_a_code() {
        for (String text : new String[] {null, "", "123456", "abcd-efgh-ijkl-mno1", "abcd-efgh-ijkl-mnop-q",
                "' or 1=1 -- abcdefgh", "x".repeat(100)}) {
            assertThat(RecoveryCodes.hasShape(text)).as(String.valueOf(text)).isFalse();
        }
    }
}
