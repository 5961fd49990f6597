package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.domain.catalog.ChannelDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;

/** /api/v1/channels/{id}/renditions over a real server and store, on both databases. */
class ChannelRenditionsApiTest {

    private static void channels(TestStore store) {
        store.channels().create(ChannelDraft.of("news-hd", 1, "News HD"));
        store.channels().create(ChannelDraft.of("news-sd", 2, "News SD"));
        store.channels().create(ChannelDraft.of("news-radio", 3, "News radio"));
    }

    @EachDatabase
    void reads_and_replaces_the_renditions_moving_the_channel_version_on(TestStore store) {
        channels(store);
        try (ApiServer api = ApiServer.start(store)) {
            Reply none = api.get("/api/v1/channels/news-hd/renditions");
            assertThat(none.status()).as(none.toString()).isEqualTo(200);
            assertThat(none.json().get("renditions")).isEmpty();

            Reply set = api.put("/api/v1/channels/news-hd/renditions",
                    "{\"renditions\": [\"news-sd\", \"news-radio\"]}");
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.header("ETag")).isEqualTo("\"2\"");
            assertThat(set.json().get("renditions")).extracting(n -> n.asText())
                    .containsExactly("news-sd", "news-radio");
            assertThat(store.channels().renditions("news-hd")).containsExactly("news-sd", "news-radio");
            assertThat(api.get("/api/v1/channels/news-hd").header("ETag")).isEqualTo("\"2\"");
            assertThat(api.get("/api/v1/channels/news-hd/renditions").json()).isEqualTo(set.json());

            Reply cleared = api.put("/api/v1/channels/news-hd/renditions", "{\"renditions\": []}");
            assertThat(cleared.status()).isEqualTo(200);
            assertThat(store.channels().renditions("news-hd")).isEmpty();
        }
    }

    @EachDatabase
    void refuses_what_cannot_be_a_rendition_with_the_field_at_fault(TestStore store) {
        channels(store);
        try (ApiServer api = ApiServer.start(store)) {
            Reply itself = api.put("/api/v1/channels/news-hd/renditions", "{\"renditions\": [\"news-hd\"]}");
            assertThat(itself.status()).as(itself.toString()).isEqualTo(400);
            assertThat(itself.json().get("detail").asText()).contains("lists the channel news-hd itself");
            assertThat(itself.json().get("errors").get(0).get("field").asText()).isEqualTo("renditions");

            Reply twice = api.put("/api/v1/channels/news-hd/renditions",
                    "{\"renditions\": [\"news-sd\", \"news-sd\"]}");
            assertThat(twice.status()).isEqualTo(400);

            Reply unknown = api.put("/api/v1/channels/news-hd/renditions", "{\"renditions\": [\"news-4k\"]}");
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
            assertThat(unknown.json().get("detail").asText()).contains("news-4k");

            Reply missing = api.put("/api/v1/channels/news-hd/renditions", "{}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("renditions");

            Reply extra = api.put("/api/v1/channels/news-hd/renditions", "{\"renditions\": [], \"version\": 1}");
            assertThat(extra.status()).as("unknown fields are refused").isEqualTo(400);

            assertThat(api.get("/api/v1/channels/absent/renditions").status()).isEqualTo(404);
            assertThat(api.put("/api/v1/channels/absent/renditions", "{\"renditions\": []}").status()).isEqualTo(404);
            assertThat(store.channels().renditions("news-hd")).as("nothing refused was kept").isEmpty();
            assertThat(store.channels().get("news-hd").version()).isEqualTo(1);
        }
    }
}
