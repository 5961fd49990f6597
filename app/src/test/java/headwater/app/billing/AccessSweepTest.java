package headwater.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import headwater.app.config.BillingConfig;
import headwater.app.protect.DataDirCipher;
import headwater.domain.audit.AuditTrail;
import headwater.domain.billing.Invoice;
import headwater.domain.billing.PlanTerms;
import headwater.domain.billing.Subscription;
import headwater.domain.billing.TaxRate;
import headwater.domain.session.EndReason;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionState;
import headwater.domain.session.SessionView;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Contact;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.billing.JdbiPlanTermsRepository;
import headwater.store.billing.JdbiSubscriptionRepository;
import headwater.store.subscriber.JdbiContactRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access follows payment while the server runs: the sweep expires a subscription whose period and grace ended,
 * ends that subscriber's live session (and nobody else's), and e-mails go out through a real SMTP server (GreenMail):
 * the expiry notice, a renewal reminder before a period ends, a receipt for a manual payment; each exactly once.
 */
class AccessSweepTest {

    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final BillingPeriod MONTH = BillingPeriod.months(1);

    @TempDir
    Path dir;

    private GreenMail smtp;
    private Database database;
    private final List<SessionView> live = new ArrayList<>();
    private final List<String> ended = new ArrayList<>();

    private final LiveSessions sessions = new LiveSessions() {
        @Override
        public List<SessionView> list() {
            return live.stream().filter(v -> !ended.contains(v.session().id())).toList();
        }

        @Override
        public boolean end(String sessionId, EndReason reason) {
            assertThat(reason).isEqualTo(EndReason.REVOKED);
            return ended.add(sessionId);
        }
    };

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = Database.open(DatabaseConfig.sqlite(dir));
    }

    @AfterEach
    void stop() {
        database.close();
        smtp.stop();
    }

    private static SessionView session(String id, String subscriber) {
        Instant now = Instant.now();
        return new SessionView(new PlaybackSession(id, subscriber, new PlaybackTarget.Live("news"), "hd",
                OutputFormat.HLS, "device-" + subscriber, null, "test", now.minusSeconds(60), now.plusSeconds(3600),
                0, Duration.ofSeconds(8), "node-1"), SessionState.ACTIVE, now, 0, 0);
    }

    private List<String> mails() throws Exception {
        List<String> mails = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            mails.add(Arrays.toString(m.getAllRecipients()) + " " + m.getSubject());
        }
        return mails;
    }

    @Test
    void expired_subscribers_are_cut_off_and_told_and_others_are_reminded_once() throws Exception {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        new JdbiPlanRepository(database).create(Plan.of("gold", "Gold", Money.of(1000, "EUR")));
        new JdbiPlanTermsRepository(database).put(new PlanTerms("gold", Map.of("EUR", Money.of(1000, "EUR")),
                Duration.ZERO, Duration.ofHours(1), 0));
        JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(database, clock);
        JdbiContactRepository contacts = new JdbiContactRepository(database, DataDirCipher.of(dir, database), clock);
        for (String id : List.of("alice", "bob")) {
            subscribers.create(SubscriberDraft.of(id, id, HASH).withPlanId("gold"));
            contacts.put(id, new Contact(id + "@example.test", null));
        }
        JdbiSubscriptionRepository subscriptions = new JdbiSubscriptionRepository(database, clock);
        subscriptions.put(new Subscription("s-alice", "alice", "gold", headwater.domain.billing.SubscriptionState.ACTIVE,
                now.minus(Duration.ofDays(28)), now.plus(Duration.ofDays(2)), null, false), "EUR");
        subscriptions.put(new Subscription("s-bob", "bob", "gold", headwater.domain.billing.SubscriptionState.PAST_DUE,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), false),
                "EUR");
        live.add(session("a".repeat(32), "alice"));
        live.add(session("b".repeat(32), "bob"));

        BillingConfig config = BillingConfig.defaults().withSmtp(new BillingConfig.Smtp("127.0.0.1",
                smtp.getSmtp().getPort(), false, Optional.empty(), Optional.empty(), "billing@tv.example.test"));
        Notices notices = BillingWiring.notices(config, database, DataDirCipher.of(dir, database), clock);
        BillingDesk desk = BillingWiring.desk(config, URI.create("https://tv.example.test/"), database,
                AuditTrail.NONE, notices, clock);
        AccessSweep sweep = new AccessSweep(subscriptions, subscribers, sessions, desk, notices, Duration.ofDays(3),
                clock);

        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(ended).containsExactly("b".repeat(32));
        assertThat(subscribers.get("bob").mayWatchAt(clock.instant())).isFalse();
        assertThat(subscribers.get("alice").mayWatchAt(clock.instant())).isTrue();
        assertThat(sweep.sweep()).isZero();
        List<Invoice> alices = new headwater.store.billing.JdbiInvoiceRepository(database).bySubscriber("alice");
        assertThat(alices).as("one renewal invoice for alice's period ending in 2 days, however many passes")
                .hasSize(1).allSatisfy(i -> assertThat(i.outstanding()).isTrue());
        notices.drain(Duration.ofSeconds(30));
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        assertThat(mails()).containsExactlyInAnyOrder("[bob@example.test] Your subscription has ended",
                "[alice@example.test] Your subscription renews on " + now.plus(Duration.ofDays(2)).toString()
                        .substring(0, 10));

        Invoice renewal = desk.invoiceRenewal("bob", "op");
        desk.confirmManual(renewal.number(), "cash", "op");
        desk.confirmManual(renewal.number(), "cash", "op");
        notices.drain(Duration.ofSeconds(30));
        assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
        assertThat(mails()).hasSize(3).contains("[bob@example.test] Receipt for invoice " + renewal.number());
        assertThat(subscribers.get("bob").mayWatchAt(clock.instant())).isTrue();
        String receipt = "";
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Receipt")) {
                receipt = (String) m.getContent();
            }
        }
        assertThat(receipt).contains("10.00 EUR", renewal.number().toString());
        notices.close();
    }
}
