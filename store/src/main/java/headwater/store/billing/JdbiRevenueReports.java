package headwater.store.billing;

import headwater.domain.billing.RevenueReport;
import headwater.domain.billing.RevenueReport.Amount;
import headwater.domain.billing.RevenueReport.Churn;
import headwater.domain.billing.RevenueReport.MonthRevenue;
import headwater.domain.billing.RevenueReport.Outstanding;
import headwater.store.Database;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Revenue, MRR, outstanding invoices and churn, computed from the ledger, the invoices and the subscriptions.
 * Revenue is what the ledger booked to {@code revenue} and {@code tax}, so a report always agrees with
 * {@code billing check}.
 */
public final class JdbiRevenueReports {

    private static final long DAY = 86_400_000L;

    private final Database database;

    public JdbiRevenueReports(Database database) {
        this.database = database;
    }

    /** The report for the months {@code from} to {@code to} inclusive, MRR and outstanding as of {@code now}. */
    public RevenueReport report(YearMonth from, YearMonth to, Instant now) {
        long start = from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long end = to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        return database.read(handle -> {
            Map<String, long[]> byMonth = new TreeMap<>();
            handle.createQuery("SELECT e.at, p.currency, p.account, p.amount FROM ledger_posting p JOIN ledger_entry e "
                            + "ON e.id = p.entry_id WHERE p.account IN ('revenue', 'tax') AND e.at >= :start AND "
                            + "e.at < :end").bind("start", start).bind("end", end)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)})
                    .forEach(row -> {
                        YearMonth month = YearMonth.from(Instant.ofEpochMilli((long) row[0]).atOffset(ZoneOffset.UTC));
                        long[] sums = byMonth.computeIfAbsent(month + " " + row[1], k -> new long[2]);
                        sums["revenue".equals(row[2]) ? 0 : 1] -= (long) row[3];
                    });
            List<MonthRevenue> months = new ArrayList<>();
            byMonth.forEach((key, sums) -> months.add(new MonthRevenue(YearMonth.parse(key.substring(0, 7)),
                    key.substring(8), sums[0], sums[1])));

            Map<String, Long> mrr = new TreeMap<>();
            handle.createQuery("SELECT s.currency, COALESCE(pp.amount, CASE WHEN p.currency = s.currency THEN p.price_minor "
                            + "ELSE 0 END), p.period_length, p.period_unit FROM subscription s JOIN plan p ON p.id = "
                            + "s.plan_id LEFT JOIN plan_price pp ON pp.plan_id = s.plan_id AND pp.currency = s.currency "
                            + "WHERE s.state IN ('ACTIVE', 'PAST_DUE')")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4)})
                    .forEach(row -> mrr.merge((String) row[0], monthly((long) row[1], (int) row[2], (String) row[3]),
                            Long::sum));

            List<Outstanding> outstanding = handle.createQuery("SELECT currency, COUNT(*), SUM(total) FROM invoice WHERE "
                            + "kind = 'INVOICE' AND paid_at IS NULL GROUP BY currency ORDER BY currency")
                    .map((rs, ctx) -> new Outstanding(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();

            List<Churn> churn = new ArrayList<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                long mStart = m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                long mEnd = m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                long running = handle.createQuery("SELECT COUNT(*) FROM subscription WHERE started_at < :start AND "
                                + "(state IN ('TRIAL', 'ACTIVE', 'PAST_DUE') OR COALESCE(grace_end, period_end) >= :start)").bind("start", mStart)
                        .mapTo(Long.class).one();
                long churned = handle.createQuery("SELECT COUNT(*) FROM subscription WHERE state IN ('EXPIRED', "
                                + "'CANCELLED') AND period_end >= :start AND period_end < :end AND started_at < :start")
                        .bind("start", mStart).bind("end", mEnd).mapTo(Long.class).one();
                churn.add(new Churn(m, running, churned, running == 0 ? 0 : churned * 10_000 / running));
            }
            return new RevenueReport(months, mrr.entrySet().stream().map(e -> new Amount(e.getKey(), e.getValue()))
                    .toList(), outstanding, churn);
        });
    }

    /** A period's price as a monthly amount: months divide, days scale by 30.4375 days per month. */
    static long monthly(long price, int length, String unit) {
        if ("MONTHS".equals(unit)) {
            return Math.round((double) price / length);
        }
        return Math.round(price * 30.4375 / length);
    }
}
