package headwater.store.billing;

import headwater.domain.billing.JournalEntry;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.Posting;
import headwater.domain.billing.Voucher;
import headwater.domain.billing.VoucherRepository;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import headwater.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Vouchers in the store. Redemption is one conditional UPDATE ({@code WHERE redeemed_at IS NULL AND not expired}):
 * of two redemptions at once, one changes the row and books the value, the other changes nothing. The value is
 * booked from {@code clearing:voucher} (the cash the seller took) to the subscriber's account, where it pays the next
 * invoice.
 */
public final class JdbiVoucherRepository implements VoucherRepository {

    public static final LedgerAccount CLEARING = LedgerAccount.clearing("voucher");
    private static final String COLUMNS = "code, value, currency, created_at, expires_at, redeemed_by, redeemed_at";

    private final Database database;

    public JdbiVoucherRepository(Database database) {
        this.database = database;
    }

    @Override
    public Voucher create(Voucher voucher) {
        if (voucher.redeemedAt() != null) {
            throw new InvalidValueException("voucher", "redeemedAt", "is set: a new voucher is unused");
        }
        database.write(handle -> handle.createUpdate("INSERT INTO voucher (code, value, currency, created_at, "
                        + "expires_at) VALUES (:code, :value, :currency, :created, :expires)")
                .bind("code", voucher.code()).bind("value", voucher.value().minorUnits())
                .bind("currency", voucher.value().currency()).bind("created", voucher.created().toEpochMilli())
                .bind("expires", voucher.expires() == null ? null : voucher.expires().toEpochMilli()).execute());
        return voucher;
    }

    @Override
    public Optional<Voucher> find(String code) {
        String normal = Voucher.normalise(code);
        return database.read(handle -> load(handle, normal));
    }

    @Override
    public Optional<Voucher> redeem(String code, String subscriberId, Instant at) {
        String normal;
        try {
            normal = Voucher.normalise(code);
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
        return database.write(handle -> {
            if (!redeemIn(handle, normal, subscriberId, at, null)) {
                return Optional.<Voucher>empty();
            }
            Voucher voucher = load(handle, normal).orElseThrow();
            Money value = voucher.value();
            JdbiLedger.post(handle, JournalEntry.of("voucher:" + normal, at, "voucher " + normal.substring(0, 4)
                            + "… redeemed by " + subscriberId, Posting.debit(CLEARING, value),
                    Posting.credit(LedgerAccount.receivable(subscriberId), value)), List.of());
            return Optional.of(voucher);
        });
    }

    /**
     * Marks the voucher redeemed if it is unused, unexpired and, when {@code worth} is given, worth exactly that: one
     * conditional UPDATE, so of concurrent redemptions one wins. In the caller's transaction.
     *
     * @return whether this call redeemed it
     */
    static boolean redeemIn(Handle handle, String code, String subscriberId, Instant at, Money worth) {
        String exact = worth == null ? "" : " AND value = :value AND currency = :currency";
        var update = handle.createUpdate("UPDATE voucher SET redeemed_by = :subscriber, redeemed_at = :at WHERE code = "
                        + ":code AND redeemed_at IS NULL AND (expires_at IS NULL OR expires_at > :at)" + exact)
                .bind("subscriber", subscriberId).bind("at", at.toEpochMilli()).bind("code", code);
        if (worth != null) {
            update.bind("value", worth.minorUnits()).bind("currency", worth.currency());
        }
        return update.execute() == 1;
    }

    private static Optional<Voucher> load(Handle handle, String code) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM voucher WHERE code = :code").bind("code", code)
                .map((rs, ctx) -> voucher(rs)).findOne();
    }

    private static Voucher voucher(ResultSet rs) throws SQLException {
        return new Voucher(rs.getString(1), Money.of(rs.getLong(2), rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5), rs.getString(6), instant(rs, 7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
