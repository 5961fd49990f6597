package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table tests of the small parsers of request headers: Authorization, If-Match, Content-Type. */
class RequestParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                       | NULL      | no Authorization header
            ''                         | NULL      | Authorization is not a Bearer credential
            hw_admin_abc               | NULL      | Authorization is not a Bearer credential
            Basic dXNlcjpwdw==         | NULL      | Authorization scheme Basic is not Bearer
            Bearer                     | NULL      | Authorization: Bearer without a token
            'Bearer    '               | NULL      | Authorization: Bearer without a token
            Bearer a b                 | NULL      | Authorization: Bearer token with characters outside the token68 syntax
            Bearer hw_admin_x==        | hw_admin_x== |
            bearer abc                 | abc       |
            BEARER abc                 | abc       |
            'Bearer   abc '            | abc       |
            Bearerabc                  | NULL      | Authorization is not a Bearer credential
            Bearer ab=c                | NULL      | Authorization: Bearer token with characters outside the token68 syntax
            Digest{} x                 | NULL      | Authorization is not a Bearer credential
            """)
    void authorization(String header, String token, String refusal) {
        BearerCredential credential = BearerCredential.parse(header);
        assertThat(credential.token()).isEqualTo(token);
        if (refusal != null) {
            assertThat(credential.refusal()).isEqualTo(refusal);
        }
        assertThat(credential.toString()).doesNotContain("dXNlcjpwdw", "hw_admin_x");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '*'                  | true  | ''
            '"3"'                | false | 3
            ' "3" , "c12" '      | false | 3,c12
            'W/"3"'              | false | ''
            'W/"3", "4"'         | false | 4
            '"c0a1"'             | false | c0a1
            """)
    void if_match(String header, boolean any, String tags) {
        IfMatch ifMatch = IfMatch.parse(header);
        assertThat(ifMatch.any()).isEqualTo(any);
        assertThat(ifMatch.tags()).isEqualTo(tags.isEmpty() ? List.of() : List.of(tags.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            3
            '"3'
            '"3" "4"'
            '"3",,'
            ''
            '  '
            'W/3'
            '"a b"'
            """)
    void malformed_if_match_names_the_header(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("If-Match must be * or quoted entity tags");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '"3"'        | 3
            '*'          |
            """)
    void a_channel_version_from_if_match(String header, Long version) {
        assertThat(IfMatch.parse(header).version()).isEqualTo(version);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '"3", "4"'
            '"c12"'
            '"0"'
            'W/"3"'
            '"99999999999999999999"'
            """)
    void an_if_match_that_is_not_one_version_is_refused_for_a_channel(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header).version()).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("If-Match must name one version");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/json                     | true
            Application/JSON                     | true
            application/json; charset=utf-8      | true
            application/json;charset="UTF-8"     | true
            application/json; charset=iso-8859-1 | false
            application/json; boundary=x         | false
            application/jsonx                    | false
            text/json                            | false
            application/problem+json             | false
            ''                                   | false
            """)
    void content_type(String header, boolean acceptable) {
        assertThat(JsonContentType.acceptable(header)).isEqualTo(acceptable);
    }
}
