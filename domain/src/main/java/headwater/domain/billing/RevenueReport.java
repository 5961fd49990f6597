package headwater.domain.billing;

import headwater.domain.subscriber.Money;
import java.time.YearMonth;
import java.util.List;

/**
 * The figures an operator runs the business by, per currency, in minor units.
 *
 * @param months      revenue booked per calendar month (UTC), net of credit notes and tax
 * @param mrr         monthly recurring revenue now: every running subscription's plan price as a monthly amount
 * @param outstanding invoices issued and not paid yet
 * @param churn       per month, subscriptions whose access ended that month and did not come back, against those
 *                    running at the start of it
 */
public record RevenueReport(List<MonthRevenue> months, List<Amount> mrr, List<Outstanding> outstanding,
                            List<Churn> churn) {

    public RevenueReport {
        months = List.copyOf(months);
        mrr = List.copyOf(mrr);
        outstanding = List.copyOf(outstanding);
        churn = List.copyOf(churn);
    }

    /**
     * Revenue per month as CSV (RFC 4180: a header row, CRLF line ends), amounts in major units with a dot, as
     * spreadsheets import them.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder("month,currency,revenue,tax\r\n");
        for (MonthRevenue m : months) {
            csv.append(m.month()).append(',').append(m.currency()).append(',')
                    .append(Money.of(m.revenue(), m.currency()).amount().toPlainString()).append(',')
                    .append(Money.of(m.tax(), m.currency()).amount().toPlainString()).append("\r\n");
        }
        return csv.toString();
    }

    public record MonthRevenue(YearMonth month, String currency, long revenue, long tax) {
    }

    public record Amount(String currency, long minorUnits) {
    }

    public record Outstanding(String currency, long invoices, long minorUnits) {
    }

    /** @param rate churned ÷ running at the start, in basis points (250 = 2.5 %) */
    public record Churn(YearMonth month, long runningAtStart, long churned, long rate) {
    }
}
