package headwater.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.audit.AuditEntry;
import headwater.domain.audit.AuditEvent;
import headwater.domain.audit.AuditQuery;
import headwater.domain.audit.ChainHasher;
import headwater.store.Dialect;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class AuditLogTest {

    private static final Instant T = Instant.parse("2026-11-21T20:00:00.123Z");

    /** SHA-256 over the previous hash and the event's text (the real canonical encoding is security's). */
    static final ChainHasher HASHER = (previous, seq, event) -> {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((previous + seq + event).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    };

    static AuditEvent event(int i, String actor, String action) {
        return new AuditEvent(T.plusSeconds(i), "operator", actor, "192.0.2." + i, action, "subscriber", "s" + i,
                null, "{\"status\":\"ACTIVE\"}", "ok");
    }

    @EachDatabase
    void appends_are_numbered_and_chained_and_found_by_actor_action_and_time(TestStore store) {
        JdbiAuditLog log = new JdbiAuditLog(store.database(), HASHER);
        log.record(event(1, "ada", "login.ok"));
        log.record(event(2, "bob", "login.failed"));
        log.record(event(3, "ada", "subscriber.update"));
        log.record(event(4, "ada", "login.failed"));

        List<AuditEntry> all = new ArrayList<>();
        log.forEach(all::add);
        assertThat(all).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(all.getFirst().previousHash()).isEqualTo(AuditEntry.GENESIS);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).previousHash()).isEqualTo(all.get(i - 1).hash());
            assertThat(all.get(i).hash()).isEqualTo(HASHER.hash(all.get(i - 1).hash(), i + 1, all.get(i).event()));
        }
        assertThat(all.get(1).event()).isEqualTo(event(2, "bob", "login.failed"));
        assertThat(log.head()).contains(all.getLast());
        assertThat(log.entry(2)).contains(all.get(1));

        AuditQuery byAda = new AuditQuery(Optional.of("ada"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 2);
        assertThat(log.find(byAda)).extracting(AuditEntry::seq).containsExactly(4L, 3L);
        assertThat(log.count(byAda)).isEqualTo(3);
        AuditQuery logins = new AuditQuery(Optional.empty(), Optional.of("login.*"), Optional.of(T.plusSeconds(2)),
                Optional.of(T.plusSeconds(4)), 0, 10);
        assertThat(log.find(logins)).extracting(AuditEntry::seq).containsExactly(2L);
        assertThat(log.find(new AuditQuery(Optional.empty(), Optional.of("login.failed"), Optional.empty(),
                Optional.empty(), 1, 10))).extracting(AuditEntry::seq).containsExactly(2L);
        assertThat(log.failures()).isZero();
    }

    @EachDatabase
    void concurrent_appends_keep_one_linear_chain(TestStore store) throws Exception {
        int threads = 8;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            // Each thread its own log instance, as separate nodes would have.
            JdbiAuditLog log = new JdbiAuditLog(store.database(), HASHER);
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    log.append(event(i, "t" + thread, "race"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        List<AuditEntry> all = new ArrayList<>();
        new JdbiAuditLog(store.database(), HASHER).forEach(all::add);
        assertThat(all).hasSize(threads * each);
        String previous = AuditEntry.GENESIS;
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).seq()).isEqualTo(i + 1);
            assertThat(all.get(i).previousHash()).isEqualTo(previous);
            previous = all.get(i).hash();
        }
    }

    @EachDatabase
    void entries_cannot_be_updated_deleted_or_truncated(TestStore store) {
        JdbiAuditLog log = new JdbiAuditLog(store.database(), HASHER);
        log.record(event(1, "ada", "login.ok"));

        assertThatThrownBy(() -> store.database().write(h -> h.execute("UPDATE audit_log SET actor = 'eve'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.database().write(h -> h.execute("DELETE FROM audit_log")))
                .hasMessageContaining("append-only");
        if (store.dialect() == Dialect.POSTGRESQL) {
            assertThatThrownBy(() -> store.database().write(h -> h.execute("TRUNCATE audit_log")))
                    .hasMessageContaining("append-only");
        }
        assertThat(log.head()).map(e -> e.event().actor()).contains("ada");
    }

    @EachDatabase
    void log_injection_is_escaped_and_a_failed_append_is_counted_not_thrown(TestStore store) {
        JdbiAuditLog log = new JdbiAuditLog(store.database(), HASHER);
        log.record(new AuditEvent(T, "anonymous", "eve\r\nINFO login.ok actor=admin", "-", "login.failed", "-", "-",
                null, null, "refused"));
        assertThat(log.head()).map(e -> e.event().actor()).contains("eve\\r\\nINFO login.ok actor=admin");

        store.closeDatabase();
        log.record(event(2, "ada", "login.ok"));
        assertThat(log.failures()).isEqualTo(1);
    }
}
