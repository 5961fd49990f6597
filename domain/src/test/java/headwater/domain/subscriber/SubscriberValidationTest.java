package headwater.domain.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of subscribers, plans, resellers and devices, one row per rule, each naming the field. */
class SubscriberValidationTest {

    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final SubscriberDraft ALICE = SubscriberDraft.of("s1", "alice", HASH);
    private static final Plan GOLD = Plan.of("gold", "Gold", Money.of(1999, "EUR"));
    private static final Device BOX = Device.stb("box", "s1", MacAddress.parse("00:1a:79:00:00:01"));

    static Stream<Arguments> subscriberRules() {
        List<NetworkRange> twice = List.of(NetworkRange.parse("10.0.0.0/8"), NetworkRange.parse("10.1.0.0/8"));
        List<NetworkRange> withNull = new ArrayList<>(List.of(NetworkRange.parse("10.0.0.0/8")));
        withNull.add(null);
        Set<OutputFormat> nullFormat = new HashSet<>();
        nullFormat.add(null);
        return Stream.of(
                rule(d -> d.withUsername(null), "subscriber username is missing"),
                rule(d -> d.withUsername(""), "subscriber username is 0 characters long: 1 to 64 allowed"),
                rule(d -> d.withUsername("a".repeat(65)), "subscriber username is 65 characters long: 1 to 64 allowed"),
                rule(d -> d.withUsername("bob smith"), "subscriber username \"bob smith\" is not a username: it must "
                        + "start with a letter or digit and contain only ASCII letters, digits, '.', '_', '-' and '@'"),
                rule(d -> d.withUsername("bob/../x"), "subscriber username \"bob/../x\" is not a username: it must "
                        + "start with a letter or digit and contain only ASCII letters, digits, '.', '_', '-' and '@'"),
                rule(d -> d.withUsername(".bob"), "subscriber username \".bob\" is not a username: it must start "
                        + "with a letter or digit and contain only ASCII letters, digits, '.', '_', '-' and '@'"),
                rule(d -> d.withUsername("bøb"), "subscriber username \"bøb\" is not a username: it must start "
                        + "with a letter or digit and contain only ASCII letters, digits, '.', '_', '-' and '@'"),
                rule(d -> d.withPasswordHash(null), "subscriber passwordHash is missing"),
                rule(d -> d.withStatus(null), "subscriber status is missing: one of ACTIVE, DISABLED, BANNED, EXPIRED"),
                rule(d -> d.withMaxConnections(0), "subscriber maxConnections is 0: must be between 1 and 1000"),
                rule(d -> d.withMaxConnections(1001), "subscriber maxConnections is 1001: must be between 1 and 1000"),
                rule(d -> d.withOutputFormats(null), "subscriber outputFormats is missing"),
                rule(d -> d.withOutputFormats(Set.of()), "subscriber outputFormats is empty: allow at least one of HLS, TS"),
                rule(d -> d.withOutputFormats(nullFormat), "subscriber outputFormats contains null: allowed are HLS, TS"),
                rule(d -> d.withAllowedNetworks(null), "subscriber allowedNetworks is missing"),
                rule(d -> d.withAllowedNetworks(twice), "subscriber allowedNetworks lists 10.0.0.0/8 twice"),
                rule(d -> d.withAllowedNetworks(withNull), "subscriber allowedNetworks[1] is missing"),
                rule(d -> d.withAllowedNetworks(Collections.nCopies(65, NetworkRange.parse("10.0.0.0/8"))),
                        "subscriber allowedNetworks has 65 entries: at most 64 allowed"),
                rule(d -> d.withPackageIds(null), "subscriber packageIds is missing"),
                rule(d -> d.withPackageIds(Set.of("sports", "bad id")), "subscriber packageIds \"bad id\" is not an "
                        + "id: it must start with a letter or digit and contain only ASCII letters, digits, '.', '_' and '-'"),
                rule(d -> d.withPlanId(""), "subscriber planId \"\" is 0 characters long: 1 to 64 allowed"),
                rule(d -> d.withNotes("x".repeat(4001)), "subscriber notes is 4001 characters long: at most 4000 allowed"),
                rule(d -> d.withNotes("bell \u0007"), "subscriber notes contains the control character U+0007 at index 5"),
                rule(d -> d.withNotes("half \uDC00"), "subscriber notes contains an unpaired UTF-16 surrogate at index 5"),
                rule(d -> d.withOwner(null), "subscriber owner is missing: the operator or a reseller"),
                rule(d -> d.withOwner(Owner.reseller("r 1")), "owner resellerId \"r 1\" is not an id: it must start "
                        + "with a letter or digit and contain only ASCII letters, digits, '.', '_' and '-'"));
    }

    private static Arguments rule(UnaryOperator<SubscriberDraft> change, String message) {
        return Arguments.of(message, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscriberRules")
    void subscribers_refuse_bad_fields_naming_them(String message, UnaryOperator<SubscriberDraft> change) {
        assertThatThrownBy(() -> change.apply(ALICE)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void plans_and_devices_start_at_version_1_keep_it_through_changes_and_refuse_a_version_below_1() {
        Device app = Device.app("app-1", "s1", "SN-1");
        assertThat(GOLD.version()).isEqualTo(1);
        assertThat(app.version()).isEqualTo(1);
        assertThat(GOLD.withVersion(4).withEnabled(false).withMaxConnections(3).version()).isEqualTo(4);
        assertThat(app.withVersion(2).withLastSeen(Instant.EPOCH).withModel("X").version()).isEqualTo(2);
        assertThatThrownBy(() -> GOLD.withVersion(0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("plan version is 0: stored versions start at 1");
        assertThatThrownBy(() -> app.withVersion(0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("device version is 0: stored versions start at 1");
    }

    @Test
    void subscribers_keep_valid_values_as_given() {
        SubscriberDraft draft = ALICE.withUsername("Bob.Smith_2@isp-1").withNotes("line 1\r\nline 2\ttab <b>&</b>")
                .withExpiry(Instant.parse("2027-01-01T00:00:00.123456789Z"))
                .withOutputFormats(EnumSet.of(OutputFormat.TS, OutputFormat.HLS));

        assertThat(draft.username()).isEqualTo("Bob.Smith_2@isp-1");
        assertThat(draft.usernameKey()).isEqualTo("bob.smith_2@isp-1");
        assertThat(draft.notes()).isEqualTo("line 1\r\nline 2\ttab <b>&</b>");
        assertThat(draft.expiry()).isEqualTo(Instant.parse("2027-01-01T00:00:00.123Z"));
        assertThat(draft.outputFormats()).containsExactly(OutputFormat.HLS, OutputFormat.TS);
        assertThat(draft.toString()).doesNotContain(HASH.phc()).contains("PasswordHash[argon2id]");
    }

    @Test
    void may_watch_only_when_active_and_before_expiry_from_allowed_networks() throws Exception {
        Instant now = Instant.parse("2026-11-21T06:00:00Z");
        Subscriber active = new Subscriber(ALICE.withExpiry(now.plusSeconds(1)), 1, now, now);

        assertThat(active.mayWatchAt(now)).isTrue();
        assertThat(active.mayWatchAt(now.plusSeconds(1))).isFalse();
        assertThat(new Subscriber(ALICE, 1, now, now).mayWatchAt(Instant.MAX)).isTrue();
        assertThat(new Subscriber(ALICE.withStatus(SubscriberStatus.DISABLED), 1, now, now).mayWatchAt(now)).isFalse();
        SubscriberDraft fenced = ALICE.withAllowedNetworks(List.of(NetworkRange.parse("192.0.2.0/24")));
        assertThat(fenced.allowsAddress(java.net.InetAddress.getByName("192.0.2.200"))).isTrue();
        assertThat(fenced.allowsAddress(java.net.InetAddress.getByName("198.51.100.1"))).isFalse();
        assertThat(ALICE.allowsAddress(java.net.InetAddress.getByName("198.51.100.1"))).isTrue();
    }

    @Test
    void password_hashes_must_be_phc_strings_and_are_never_quoted() {
        assertThat(HASH.algorithm()).isEqualTo("argon2id");
        assertThat(new PasswordHash("$2y$10$abcdefghijklmnopqrstuu").algorithm()).isEqualTo("2y");
        for (String bad : List.of("hunter2", "$", "$argon2id", "$ARGON2ID$v=19", "$argon2id$v=19$ space", "$argon2id$\n")) {
            assertThatThrownBy(() -> new PasswordHash(bad)).isInstanceOf(InvalidValueException.class)
                    .hasMessage("subscriber passwordHash is not a PHC string such as "
                            + "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>: store the hasher's output, never a password");
        }
        assertThatThrownBy(() -> new PasswordHash("$argon2id$" + "a".repeat(600)))
                .hasMessage("subscriber passwordHash is 610 characters long: at most 512 allowed");
        assertThatThrownBy(() -> new PasswordHash(null)).hasMessage("subscriber passwordHash is missing");
    }

    static Stream<Arguments> planRules() {
        return Stream.of(
                Arguments.of("plan id is missing", (UnaryOperator<Plan>) p -> new Plan(null, p.name(), p.packageIds(),
                        1, Quality.HD, p.price(), p.period(), true)),
                Arguments.of("plan name is blank", (UnaryOperator<Plan>) p -> p.withName(" ")),
                Arguments.of("plan maxConnections is 0: must be between 1 and 1000",
                        (UnaryOperator<Plan>) p -> p.withMaxConnections(0)),
                Arguments.of("plan maxQuality is missing: one of SD, HD, FHD, UHD",
                        (UnaryOperator<Plan>) p -> p.withMaxQuality(null)),
                Arguments.of("plan price is missing", (UnaryOperator<Plan>) p -> p.withPrice(null)),
                Arguments.of("plan price is -0.01 EUR: must not be negative",
                        (UnaryOperator<Plan>) p -> p.withPrice(Money.of(-1, "EUR"))),
                Arguments.of("plan period is missing", (UnaryOperator<Plan>) p -> p.withPeriod(null)),
                Arguments.of("plan packageIds is missing", (UnaryOperator<Plan>) p -> p.withPackageIds(null)),
                Arguments.of("billing period length is 0: must be between 1 and 3660",
                        (UnaryOperator<Plan>) p -> p.withPeriod(BillingPeriod.days(0))),
                Arguments.of("billing period length is 121: must be between 1 and 120",
                        (UnaryOperator<Plan>) p -> p.withPeriod(BillingPeriod.months(121))),
                Arguments.of("billing period unit is missing: one of DAYS, MONTHS",
                        (UnaryOperator<Plan>) p -> p.withPeriod(new BillingPeriod(1, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planRules")
    void plans_refuse_bad_fields_naming_them(String message, UnaryOperator<Plan> change) {
        assertThatThrownBy(() -> change.apply(GOLD)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void billing_periods_count_calendar_months_and_qualities_are_ordered() {
        Instant endOfJanuary = Instant.parse("2027-01-31T12:00:00Z");
        assertThat(BillingPeriod.months(1).after(endOfJanuary)).isEqualTo(Instant.parse("2027-02-28T12:00:00Z"));
        assertThat(BillingPeriod.days(30).after(endOfJanuary)).isEqualTo(Instant.parse("2027-03-02T12:00:00Z"));
        assertThat(BillingPeriod.months(12)).hasToString("12 MONTHS");
        assertThat(Quality.FHD.admits(Quality.HD)).isTrue();
        assertThat(Quality.FHD.admits(Quality.FHD)).isTrue();
        assertThat(Quality.FHD.admits(Quality.UHD)).isFalse();
        assertThat(GOLD.withPackageIds(Set.of("b", "a", "c")).packageIdList()).containsExactly("a", "b", "c");
    }

    static Stream<Arguments> deviceRules() {
        return Stream.of(
                Arguments.of("device kind is missing: one of STB, APP", (UnaryOperator<Device>) d -> new Device(d.id(),
                        d.subscriberId(), null, d.mac(), null, null, null, null)),
                Arguments.of("device mac and serial are both missing: a device needs one of them",
                        (UnaryOperator<Device>) d -> d.withMac(null)),
                Arguments.of("device serial is blank: leave it unset instead",
                        (UnaryOperator<Device>) d -> d.withSerial("  ")),
                Arguments.of("device serial contains the control character U+000A at index 2",
                        (UnaryOperator<Device>) d -> d.withSerial("SN\n1")),
                Arguments.of("device model is 129 characters long: at most 128 allowed",
                        (UnaryOperator<Device>) d -> d.withModel("m".repeat(129))),
                Arguments.of("device firmwareVersion contains the control character U+0000 at index 0",
                        (UnaryOperator<Device>) d -> d.withFirmwareVersion("\u0000")),
                Arguments.of("device subscriberId is missing", (UnaryOperator<Device>) d -> d.withSubscriberId(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviceRules")
    void devices_refuse_bad_fields_naming_them(String message, UnaryOperator<Device> change) {
        assertThatThrownBy(() -> change.apply(BOX)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void resellers_and_credit_movements_have_rules_too() {
        Instant now = Instant.parse("2026-11-21T06:00:00Z");
        assertThatThrownBy(() -> new ResellerDraft("r1", "")).hasMessage("reseller name is blank");
        assertThatThrownBy(() -> new Reseller(new ResellerDraft("r1", "R"), -1, 1, now, now))
                .hasMessage("reseller credits are -1: must be between 0 and 1000000000000");
        assertThatThrownBy(() -> new CreditMovement("r1", 2, 0, "nothing", now, 5))
                .hasMessage("credit movement delta is 0: a movement changes the balance");
        assertThatThrownBy(() -> new CreditMovement("r1", 2, -5, "spend", now, -1))
                .hasMessage("credit movement balanceAfter is -1: balances are never negative");
        assertThatThrownBy(() -> new CreditMovement("r1", 2, 5, "x".repeat(201), now, 5))
                .hasMessage("credit movement reason is 201 characters long: at most 200 allowed");
    }
}
