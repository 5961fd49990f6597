package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryMaskTest {

    @Test
    void masksCredentialValues() {
        assertThat(QueryMask.mask("token=abc&password=hunter2&x=1"))
                .isEqualTo("token=***&password=***&x=1");
        assertThat(QueryMask.mask("Session_Token=abc&API_KEY=k&sig=s")).isEqualTo("Session_Token=***&API_KEY=***&sig=***");
    }

    @Test
    void masksBareWordsAndEscapedNames() {
        assertThat(QueryMask.mask("s3cr3t")).isEqualTo("***");
        assertThat(QueryMask.mask("p%61ssword=hunter2&a=b")).isEqualTo("p%61ssword=***&a=b");
    }

    @Test
    void neutralisesLogForging() {
        assertThat(QueryMask.mask("x=a\r\nFAKE LINE")).isEqualTo("x=a??FAKE?LINE");
    }

    @Test
    void keepsEmptyPartsAndAbsence() {
        assertThat(QueryMask.mask(null)).isNull();
        assertThat(QueryMask.mask("")).isEmpty();
        assertThat(QueryMask.mask("a=&&b=2")).isEqualTo("a=&&b=2");
    }

    @Test
    void capsLength() {
        assertThat(QueryMask.mask("x=" + "a".repeat(5000))).hasSizeLessThanOrEqualTo(515);
    }
}
