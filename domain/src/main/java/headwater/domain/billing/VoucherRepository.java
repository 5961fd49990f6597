package headwater.domain.billing;

import java.time.Instant;
import java.util.Optional;

/** Vouchers, redeemed at most once even when the same code is typed on two devices at the same moment. */
public interface VoucherRepository {

    /** Stores a new voucher. */
    Voucher create(Voucher voucher);

    Optional<Voucher> find(String code);

    /**
     * Marks the voucher redeemed by the subscriber and books its value to the subscriber's account, in one
     * transaction.
     *
     * @return the redeemed voucher, or empty when the code is unknown, already redeemed or expired (one answer for
     *         all three, so that codes cannot be probed)
     */
    Optional<Voucher> redeem(String code, String subscriberId, Instant at);
}
