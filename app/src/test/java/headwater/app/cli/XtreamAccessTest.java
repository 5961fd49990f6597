package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The login and playlist URLs the demo prints. */
class XtreamAccessTest {

    @Test
    void carries_the_credentials_encoded_and_never_shows_them_in_to_string() {
        XtreamAccess password = XtreamAccess.password(URI.create("http://127.0.0.1:8080/"), "demo", "p&ss w=rd");
        XtreamAccess token = XtreamAccess.token(URI.create("https://tv.example.net"), "hw_pl_abc-_123");

        assertThat(password.server()).isEqualTo("http://127.0.0.1:8080");
        assertThat(password.m3u()).isEqualTo(
                "http://127.0.0.1:8080/get.php?username=demo&password=p%26ss+w%3Drd&type=m3u_plus&output=m3u8");
        assertThat(password.xmltv()).isEqualTo("http://127.0.0.1:8080/xmltv.php?username=demo&password=p%26ss+w%3Drd");
        assertThat(token.m3u()).isEqualTo("https://tv.example.net/get.php?token=hw_pl_abc-_123&type=m3u_plus&output=m3u8");
        assertThat(password.toString()).doesNotContain("p&ss").doesNotContain("p%26ss");
        assertThat(token.toString()).doesNotContain("hw_pl_abc");
    }
}
