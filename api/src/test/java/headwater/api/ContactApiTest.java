package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.store.EachDatabase;
import headwater.store.TestCipher;
import headwater.store.TestStore;
import java.util.List;

/** A subscriber's e-mail and phone through the admin API: stored sealed, shown in plaintext to the operator. */
class ContactApiTest {

    private static final String CONTACT = "/api/v1/subscribers/s1/contact";

    @EachDatabase
    void contact_is_replaced_and_shown_and_stored_sealed(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"pw-12345\"}");

            Reply empty = api.get(CONTACT);
            assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
            assertThat(empty.json().get("email").isNull()).isTrue();

            Reply put = api.put(CONTACT, "{\"email\": \"alice@example.net\", \"phone\": \"+1 555 0100\"}");
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            Reply shown = api.get(CONTACT);
            assertThat(shown.json().get("email").asText()).isEqualTo("alice@example.net");
            assertThat(shown.json().get("phone").asText()).isEqualTo("+1 555 0100");

            List<String> stored = store.database().read(h -> h.createQuery(
                    "SELECT email || ' ' || phone FROM subscriber_contact").mapTo(String.class).list());
            assertThat(stored).singleElement().asString().doesNotContain("alice", "555")
                    .contains(TestCipher.PREFIX);

            assertThat(api.put(CONTACT, "{\"email\": null, \"phone\": \"\"}").status()).isEqualTo(200);
            assertThat(api.get(CONTACT).json().get("phone").isNull()).isTrue();
        }
    }

    @EachDatabase
    void bad_values_unknown_fields_and_unknown_subscribers_are_refused(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"pw-12345\"}");

            Reply markup = api.put(CONTACT, "{\"email\": \"<script>alert(1)</script>\"}");
            assertThat(markup.status()).as(markup.toString()).isBetween(400, 422);
            assertThat(markup.body()).doesNotContain("<script>");
            Reply crlf = api.put(CONTACT, "{\"email\": \"a@b\\r\\nX-Injected: 1\"}");
            assertThat(crlf.status()).as(crlf.toString()).isBetween(400, 422);
            Reply extra = api.put(CONTACT, "{\"email\": \"a@b\", \"subscriberId\": \"s2\"}");
            assertThat(extra.status()).as(extra.toString()).isEqualTo(400);
            assertThat(api.get("/api/v1/subscribers/nobody/contact").status()).isEqualTo(404);
            assertThat(api.put("/api/v1/subscribers/nobody/contact", "{\"email\": \"a@b\"}").status()).isEqualTo(404);
        }
    }
}
