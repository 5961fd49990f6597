package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.domain.audit.AuditEvent;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.audit.JdbiAuditLog;
import java.time.Instant;

/** {@code GET /api/v1/audit}: filtered, paged, newest first, behind the admin key. */
class AuditApiTest {

    private static final Instant T = Instant.parse("2026-11-21T20:00:00Z");

    @EachDatabase
    void lists_newest_first_with_filters_and_paging(TestStore store) {
        JdbiAuditLog log = new JdbiAuditLog(store.database(), ApiServer.AUDIT_HASHER);
        for (int i = 0; i < 5; i++) {
            log.record(new AuditEvent(T.plusSeconds(i), "operator", i % 2 == 0 ? "ada" : "bob", "192.0.2.1",
                    i < 3 ? "login.ok" : "subscriber.update", "-", "-", null, null, "ok"));
        }
        try (ApiServer api = ApiServer.start(store)) {
            Reply all = api.get("/api/v1/audit?size=2");
            assertThat(all.status()).as(all.toString()).isEqualTo(200);
            assertThat(all.header("X-Total-Count")).isEqualTo("5");
            assertThat(all.json().get("items").findValuesAsText("seq")).containsExactly("5", "4");

            Reply ada = api.get("/api/v1/audit?actor=ada&action=login.*");
            assertThat(ada.json().get("items").findValuesAsText("seq")).containsExactly("3", "1");
            Reply window = api.get("/api/v1/audit?from=2026-11-21T20:00:01Z&until=2026-11-21T20:00:03Z");
            assertThat(window.json().get("items").findValuesAsText("seq")).containsExactly("3", "2");

            assertThat(api.get("/api/v1/audit?from=yesterday").status()).isEqualTo(400);
            assertThat(api.get("/api/v1/audit?actr=ada").status()).isEqualTo(400);
            assertThat(api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/audit"))).status())
                    .isEqualTo(401);
            assertThat(api.delete("/api/v1/audit").status()).isEqualTo(405);
        }
    }
}
