package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.store.EachDatabase;
import headwater.store.TestStore;

/**
 * XSS through stored fields: markup saved in any field comes back only as JSON ({@code application/json} or
 * {@code application/problem+json}, {@code X-Content-Type-Options: nosniff}, {@code Cache-Control: no-store}) with
 * {@code < > & '} escaped, so no browser ever renders or sniffs it as HTML, and it reads back unchanged.
 */
class StoredMarkupTest {

    private static final String MARKUP = "<script>alert('x')</script><img src=x onerror=alert(1)>&amp;";

    @EachDatabase
    void markup_in_stored_fields_is_returned_as_escaped_json_never_sniffed(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            String json = Json.mapper().createObjectNode().put("id", "evil").put("number", 66)
                    .put("name", MARKUP + "\u2028#EXTINF:-1,x").toString();
            Reply created = api.post("/api/v1/channels", json);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Reply read = api.get("/api/v1/channels/evil");
            Reply listed = api.get("/api/v1/channels");
            Reply refused = api.post("/api/v1/channels", json.replace("\"evil\"", "\"" + "<b>x</b>" + "\""));
            for (Reply reply : new Reply[] {created, read, listed, refused}) {
                assertThat(reply.header("Content-Type")).isIn("application/json", "application/problem+json");
                assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
                assertThat(reply.body()).doesNotContain("<", ">", "'x'");
            }
            assertThat(read.body()).contains("\\u003Cscript\\u003E");
            assertThat(read.json().get("name").asText()).isEqualTo(MARKUP + "\u2028#EXTINF:-1,x");
            assertThat(refused.status()).isEqualTo(400);
        }
    }
}
