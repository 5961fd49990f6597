package headwater.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.subscriber.Money;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoucherTest {

    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void codes_are_typed_loosely_and_stored_strictly() {
        String code = Voucher.newCode();
        Voucher voucher = new Voucher(code, Money.of(1000, "EUR"), T0, null, null, null);

        assertThat(Voucher.normalise(voucher.display().toLowerCase())).isEqualTo(code);
        assertThat(Voucher.normalise(" " + code.substring(0, 8) + " " + code.substring(8) + " ")).isEqualTo(code);
        assertThatThrownBy(() -> Voucher.normalise("O0O0-I1I1-S5S5-Z2Z2")).hasMessageContaining("not a voucher code");
    }

    @Test
    void new_codes_do_not_repeat_and_never_show_whole_in_logs() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(Voucher.newCode());
        }
        assertThat(codes).hasSize(10_000);
        String code = codes.iterator().next();
        assertThat(new Voucher(code, Money.of(1, "EUR"), T0, null, null, null).toString()).doesNotContain(code);
    }

    @Test
    void redeemed_or_expired_vouchers_are_not_redeemable() {
        String code = Voucher.newCode();
        Voucher fresh = new Voucher(code, Money.of(500, "EUR"), T0, T0.plusSeconds(3600), null, null);
        assertThat(fresh.redeemable(T0)).isTrue();
        assertThat(fresh.redeemable(T0.plusSeconds(3600))).isFalse();
        assertThat(new Voucher(code, Money.of(500, "EUR"), T0, null, "alice", T0).redeemable(T0)).isFalse();
        assertThatThrownBy(() -> new Voucher(code, Money.of(0, "EUR"), T0, null, null, null))
                .hasMessageContaining("worth something");
    }
}
