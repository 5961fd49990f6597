package headwater.store.billing;

import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceDraft;
import headwater.domain.billing.InvoiceKind;
import headwater.domain.billing.InvoiceLine;
import headwater.domain.billing.InvoiceNumber;
import headwater.domain.billing.InvoiceRepository;
import headwater.domain.billing.JournalEntry;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.Posting;
import headwater.domain.billing.TaxRate;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.subscriber.Money;
import headwater.store.Database;
import headwater.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Invoices and credit notes in the store, numbered by {@link DocumentSequence} and booked by {@link JdbiLedger} in
 * the transaction that stores them. A credit note locks the invoice it corrects (PostgreSQL {@code FOR UPDATE}) so
 * that two refunds at once cannot together credit more than was invoiced.
 */
public final class JdbiInvoiceRepository implements InvoiceRepository {

    private static final String COLUMNS = "number, kind, subscriber_id, currency, tax_bp, corrects, issued_at, paid_at";

    private final Database database;

    public JdbiInvoiceRepository(Database database) {
        this.database = database;
    }

    @Override
    public Invoice issue(InvoiceDraft draft, Instant at) {
        return issue(draft, at, true);
    }

    @Override
    public Invoice issueAdjustment(InvoiceDraft draft, Instant at) {
        return issue(draft, at, false);
    }

    private Invoice issue(InvoiceDraft draft, Instant at, boolean extendsPeriod) {
        return database.write(handle -> {
            if (draft.kind() == InvoiceKind.CREDIT_NOTE) {
                checkCredit(handle, draft);
            }
            String series = draft.kind() == InvoiceKind.INVOICE ? INVOICE_SERIES : CREDIT_NOTE_SERIES;
            int year = at.atOffset(ZoneOffset.UTC).getYear();
            InvoiceNumber number = new InvoiceNumber(series, year, DocumentSequence.next(handle, series, year));
            Invoice invoice = new Invoice(number, draft, at, null);
            handle.createUpdate("INSERT INTO invoice (number, kind, subscriber_id, currency, tax_bp, net, tax, total, "
                            + "corrects, issued_at, extends_period) VALUES (:number, :kind, :subscriber, :currency, "
                            + ":tax_bp, :net, :tax, :total, :corrects, :at, :extends)")
                    .bind("extends", extendsPeriod)
                    .bind("number", number.toString()).bind("kind", draft.kind().name())
                    .bind("subscriber", draft.subscriberId()).bind("currency", draft.currency())
                    .bind("tax_bp", draft.taxRate().basisPoints()).bind("net", draft.net().minorUnits())
                    .bind("tax", draft.tax().minorUnits()).bind("total", draft.total().minorUnits())
                    .bind("corrects", draft.corrects()).bind("at", at.toEpochMilli()).execute();
            int line = 0;
            for (InvoiceLine l : draft.lines()) {
                handle.createUpdate("INSERT INTO invoice_line (number, line, description, quantity, unit_price) "
                                + "VALUES (:number, :line, :description, :quantity, :price)")
                        .bind("number", number.toString()).bind("line", line++).bind("description", l.description())
                        .bind("quantity", l.quantity()).bind("price", l.unitPrice().minorUnits()).execute();
            }
            JdbiLedger.post(handle, invoice.journalEntry(), List.of());
            return invoice;
        });
    }

    private void checkCredit(Handle handle, InvoiceDraft credit) {
        String lock = database.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        var original = handle.createQuery("SELECT kind, subscriber_id, currency, tax_bp, total FROM invoice "
                        + "WHERE number = :number" + lock).bind("number", credit.corrects())
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5)})
                .findOne().orElseThrow(() -> new InvalidValueException("credit note", "corrects", "names invoice "
                        + credit.corrects() + ", which does not exist"));
        if (!"INVOICE".equals(original[0]) || !credit.subscriberId().equals(original[1])
                || !credit.currency().equals(original[2]) || credit.taxRate().basisPoints() != (int) original[3]) {
            throw new InvalidValueException("credit note", "corrects", "names " + credit.corrects()
                    + ", which is not an invoice of subscriber " + credit.subscriberId() + " in " + credit.currency()
                    + " at " + credit.taxRate());
        }
        long credited = handle.createQuery("SELECT COALESCE(SUM(total), 0) FROM invoice WHERE corrects = :number")
                .bind("number", credit.corrects()).mapTo(Long.class).one();
        long total = (long) original[4];
        if (total + credited + credit.total().minorUnits() < 0) {
            throw new InvalidValueException("credit note", "total", "is " + credit.total() + ": invoice "
                    + credit.corrects() + " of " + Money.of(total, credit.currency()) + " has "
                    + Money.of(total + credited, credit.currency()) + " left to credit");
        }
    }

    @Override
    public Optional<Invoice> find(InvoiceNumber number) {
        return database.read(handle -> find(handle, number));
    }

    /** The invoice, read inside the caller's transaction. */
    Optional<Invoice> find(Handle handle, InvoiceNumber number) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM invoice WHERE number = :number")
                .bind("number", number.toString()).map((rs, ctx) -> row(rs)).findOne()
                .map(row -> row.invoice(handle));
    }

    @Override
    public List<Invoice> bySubscriber(String subscriberId) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM invoice WHERE subscriber_id = "
                        + ":subscriber ORDER BY issued_at DESC, number DESC").bind("subscriber", subscriberId)
                .map((rs, ctx) -> row(rs)).list().stream().map(row -> row.invoice(handle)).toList());
    }

    @Override
    public List<Invoice> outstanding() {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM invoice WHERE kind = 'INVOICE' "
                        + "AND paid_at IS NULL ORDER BY issued_at, number")
                .map((rs, ctx) -> row(rs)).list().stream().map(row -> row.invoice(handle)).toList());
    }

    /** Whether paying the invoice extends the subscription (false for a plan change's prorated difference). */
    static boolean extendsPeriod(Handle handle, InvoiceNumber number) {
        return handle.createQuery("SELECT extends_period FROM invoice WHERE number = :number")
                .bind("number", number.toString()).mapTo(Boolean.class).findOne().orElse(true);
    }

    @Override
    public Optional<String> paymentReference(InvoiceNumber number) {
        return database.read(handle -> handle.createQuery("SELECT reference FROM ledger_entry WHERE description = :d "
                        + "AND reference LIKE 'payment:%' ORDER BY id").bind("d", "payment of " + number)
                .mapTo(String.class).findFirst());
    }

    @Override
    public Invoice settle(InvoiceNumber number, LedgerAccount clearing, String paymentReference, Instant at) {
        return database.write(handle -> settleIn(handle, number, clearing, paymentReference, at).invoice());
    }

    /** What {@link #settleIn} did: the invoice, and whether it was paid just now (false when it was paid before). */
    record Settlement(Invoice invoice, boolean newlyPaid) {
    }

    /**
     * Marks the invoice paid unless it is paid already, and books the payment under {@code payment:<reference>}, in
     * the caller's transaction: the one step that {@link #settle} and a subscription's payment share.
     */
    Settlement settleIn(Handle handle, InvoiceNumber number, LedgerAccount clearing, String paymentReference,
                        Instant at) {
        int changed = handle.createUpdate("UPDATE invoice SET paid_at = :at WHERE number = :number AND kind = "
                        + "'INVOICE' AND paid_at IS NULL").bind("at", at.toEpochMilli())
                .bind("number", number.toString()).execute();
        Invoice invoice = find(handle, number).orElseThrow(() -> new NotFoundException("invoice", number.toString()));
        if (changed == 1) {
            Money total = invoice.draft().total();
            JdbiLedger.post(handle, JournalEntry.of("payment:" + paymentReference, at, "payment of " + number,
                    Posting.debit(clearing, total),
                    Posting.credit(LedgerAccount.receivable(invoice.draft().subscriberId()), total)), List.of());
        }
        return new Settlement(invoice, changed == 1);
    }


    private record Row(String number, InvoiceKind kind, String subscriberId, String currency, int taxBp,
                       String corrects, long issuedAt, Long paidAt) {

        Invoice invoice(Handle handle) {
            List<InvoiceLine> lines = handle.createQuery("SELECT description, quantity, unit_price FROM invoice_line "
                            + "WHERE number = :number ORDER BY line").bind("number", number)
                    .map((rs, ctx) -> new InvoiceLine(rs.getString(1), rs.getInt(2), Money.of(rs.getLong(3), currency)))
                    .list();
            return new Invoice(InvoiceNumber.parse(number), new InvoiceDraft(kind, subscriberId, currency, lines,
                    new TaxRate(taxBp), corrects), Instant.ofEpochMilli(issuedAt),
                    paidAt == null ? null : Instant.ofEpochMilli(paidAt));
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long paid = rs.getLong(8);
        Long paidAt = rs.wasNull() ? null : paid;
        return new Row(rs.getString(1), InvoiceKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getLong(7), paidAt);
    }
}
