package headwater.app.cli;

import headwater.app.audit.SecurityChainHasher;
import headwater.app.billing.BillingDesk;
import headwater.app.billing.BillingWiring;
import headwater.app.billing.Notices;
import headwater.app.billing.PaymentRequest;
import headwater.app.config.DurationText;
import headwater.app.config.HeadwaterConfig;
import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceNumber;
import headwater.domain.billing.PaymentApplied;
import headwater.domain.billing.PlanTerms;
import headwater.domain.billing.RevenueReport;
import headwater.domain.billing.TrialBalance;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import headwater.store.Database;
import headwater.store.audit.JdbiAuditLog;
import headwater.store.billing.JdbiInvoiceRepository;
import headwater.store.billing.JdbiLedger;
import headwater.store.billing.JdbiPlanTermsRepository;
import headwater.store.billing.JdbiRevenueReports;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code headwater billing ...}: plan terms, subscriptions, invoices, manual payments, the books' check and the
 * revenue report, on the same store a running server uses.
 */
@Command(
        name = "billing",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Plans' prices, subscriptions, invoices, payments and vouchers; check that the books balance; revenue,"
                + " MRR, churn and outstanding invoices.", ""},
        commandListHeading = "%nCommands:%n")
final class BillingCommand extends CommandGroup {

    private final Map<String, String> env;
    private Notices notices = Notices.NONE;

    BillingCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "terms", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Set what a plan costs: --price CUR:MINOR (repeat per currency), --trial, --grace, --credits.")
    int terms(@Mixin StoreOptions options, @Parameters(paramLabel = "PLAN") String plan,
              @Option(names = "--price", required = true, paramLabel = "CUR:MINOR",
                      description = "e.g. EUR:999 (9.99 EUR); repeat for more currencies") List<String> prices,
              @Option(names = "--trial", defaultValue = "0s", paramLabel = "DURATION") String trial,
              @Option(names = "--grace", defaultValue = "0s", paramLabel = "DURATION") String grace,
              @Option(names = "--credits", defaultValue = "0", paramLabel = "N",
                      description = "what a reseller spends to sell one period") long credits) {
        Map<String, Money> byCurrency = new TreeMap<>();
        for (String price : prices) {
            Money money = money("plan terms", price);
            byCurrency.put(money.currency(), money);
        }
        try (Database database = options.open(env)) {
            PlanTerms put = new JdbiPlanTermsRepository(database).put(new PlanTerms(plan, byCurrency,
                    duration("--trial", trial), duration("--grace", grace), credits));
            options.out().println("plan " + put.planId() + ": " + put.prices().values() + ", trial "
                    + DurationText.format(put.trial()) + ", grace " + DurationText.format(put.grace()) + ", "
                    + put.creditPrice() + " credits");
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Subscribe a subscriber to a plan: a trial when the plan has one, else an invoice to pay.")
    int subscribe(@Mixin StoreOptions options, @Parameters(paramLabel = "SUBSCRIBER") String subscriber,
                  @Parameters(paramLabel = "PLAN") String plan,
                  @Option(names = "--currency", paramLabel = "CUR") String currency) {
        try (Database database = options.open(env)) {
            HeadwaterConfig config = options.load(env);
            BillingDesk desk = desk(options, database);
            Optional<Invoice> invoice = desk.subscribe(subscriber, plan, currency == null
                    ? config.billing().currency() : currency, "cli");
            if (invoice.isEmpty()) {
                options.out().println(subscriber + " is on a free trial of " + plan);
            } else {
                printPayment(options.out(), desk.pay(invoice.get().number()));
            }
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "invoice", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Issue the renewal invoice of a subscriber's subscription and show how to pay it.")
    int invoice(@Mixin StoreOptions options, @Parameters(paramLabel = "SUBSCRIBER") String subscriber) {
        try (Database database = options.open(env)) {
            BillingDesk desk = desk(options, database);
            printPayment(options.out(), desk.pay(desk.invoiceRenewal(subscriber, "cli").number()));
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "The manual gateway: confirm that an invoice was paid in cash, by bank transfer or voucher.")
    int confirm(@Mixin StoreOptions options, @Parameters(paramLabel = "INVOICE") String invoice,
                @Option(names = "--method", required = true, paramLabel = "cash|bank|voucher") String method) {
        try (Database database = options.open(env)) {
            PaymentApplied applied = desk(options, database).confirmManual(InvoiceNumber.parse(invoice),
                    method, "cli");
            flushNotices();
            options.out().println(applied.newlyPaid()
                    ? "invoice " + invoice + " paid (" + method + ")" + (applied.subscription() == null ? ""
                    : "; " + applied.subscription().subscriberId() + " may watch until "
                    + applied.subscription().accessUntil())
                    : "invoice " + invoice + " was paid already: nothing changed");
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "refund", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Refund part or all of a paid invoice: a credit note, and the money back through its gateway.")
    int refund(@Mixin StoreOptions options, @Parameters(paramLabel = "INVOICE") String invoice,
               @Option(names = "--net", required = true, paramLabel = "MINOR",
                       description = "the net amount to credit in minor units (tax is added)") long net) {
        try (Database database = options.open(env)) {
            Invoice credit = desk(options, database).refund(InvoiceNumber.parse(invoice), net, "cli");
            options.out().println("credit note " + credit.number() + " for " + credit.draft().subscriberId() + ": "
                    + credit.draft().total());
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "vouchers", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Make single-use voucher codes worth a value each, to sell for cash; printed once.")
    int vouchers(@Mixin StoreOptions options,
                 @Option(names = "--count", defaultValue = "1", paramLabel = "N") int count,
                 @Option(names = "--value", required = true, paramLabel = "CUR:MINOR") String value,
                 @Option(names = "--valid", defaultValue = "365d", paramLabel = "DURATION") String valid) {
        Money money = money("voucher", value);
        try (Database database = options.open(env)) {
            for (var voucher : desk(options, database).issueVouchers(count, money, duration("--valid", valid), "cli")) {
                options.out().println(voucher.display() + "  " + voucher.value()
                        + (voucher.expires() == null ? "" : "  until " + voucher.expires()));
            }
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "pay-voucher", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Pay an invoice with a voucher worth exactly its total.")
    int payVoucher(@Mixin StoreOptions options, @Parameters(paramLabel = "INVOICE") String invoice,
                   @Parameters(paramLabel = "CODE") String code) {
        try (Database database = options.open(env)) {
            PaymentApplied applied = desk(options, database).payWithVoucher(InvoiceNumber.parse(invoice), code, "cli");
            flushNotices();
            options.out().println("invoice " + invoice + " paid with a voucher" + (applied.subscription() == null ? ""
                    : "; " + applied.subscription().subscriberId() + " may watch until "
                    + applied.subscription().accessUntil()));
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "sell", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "A reseller sells one period of a plan to its own subscriber for the plan's credit price.")
    int sell(@Mixin StoreOptions options, @Parameters(paramLabel = "RESELLER") String reseller,
             @Parameters(paramLabel = "SUBSCRIBER") String subscriber, @Parameters(paramLabel = "PLAN") String plan) {
        try (Database database = options.open(env)) {
            var sold = desk(options, database).sellWithCredits(reseller, subscriber, plan);
            options.out().println(subscriber + " may watch until " + sold.accessUntil() + " (" + plan + ", sold by "
                    + reseller + ")");
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "invoices", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "List a subscriber's invoices and credit notes, or every outstanding invoice.")
    int invoices(@Mixin StoreOptions options,
                 @Option(names = "--subscriber", paramLabel = "ID") String subscriber) {
        try (Database database = options.open(env)) {
            JdbiInvoiceRepository invoices = new JdbiInvoiceRepository(database);
            List<Invoice> list = subscriber == null ? invoices.outstanding() : invoices.bySubscriber(subscriber);
            List<List<String>> rows = new ArrayList<>();
            for (Invoice i : list) {
                rows.add(List.of(i.number().toString(), i.draft().kind().name(), i.draft().subscriberId(),
                        i.draft().total().toString(), i.issuedAt().toString(),
                        i.paidAt() == null ? "-" : i.paidAt().toString()));
            }
            if (options.json()) {
                Listing.json(options.out(), rows.stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("number", r.get(0));
                    m.put("kind", r.get(1));
                    m.put("subscriber", r.get(2));
                    m.put("total", r.get(3));
                    m.put("issued", r.get(4));
                    m.put("paid", r.get(5).equals("-") ? null : r.get(5));
                    return m;
                }).toList());
            } else {
                Listing.table(options.out(), List.of("NUMBER", "KIND", "SUBSCRIBER", "TOTAL", "ISSUED", "PAID"), rows);
            }
        }
        return 0;
    }

    @Command(name = "check", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Prove that the books balance: every entry sums to zero per currency and every kept balance"
                    + " equals the sum of its postings. Exit status 1 and each discrepancy when not."})
    int check(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            TrialBalance trial = new JdbiLedger(database).trialBalance();
            PrintWriter out = options.out();
            out.println(trial.entries() + " entries, " + trial.postings() + " postings; totals per currency "
                    + trial.totals());
            trial.problems().forEach(p -> out.println("UNBALANCED: " + p));
            out.println(trial.balanced() ? "the books balance" : trial.problems().size() + " problems");
            out.flush();
            return trial.balanced() ? 0 : 1;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Revenue per month, MRR, churn and outstanding invoices; --csv for a spreadsheet.")
    int report(@Mixin StoreOptions options,
               @Option(names = "--from", paramLabel = "YYYY-MM") String from,
               @Option(names = "--to", paramLabel = "YYYY-MM") String to,
               @Option(names = "--csv", description = "revenue per month as CSV") boolean csv) {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth last = to == null ? now : YearMonth.parse(to);
        YearMonth first = from == null ? last.minusMonths(11) : YearMonth.parse(from);
        try (Database database = options.open(env)) {
            RevenueReport report = new JdbiRevenueReports(database).report(first, last, Clock.systemUTC().instant());
            PrintWriter out = options.out();
            if (csv) {
                out.print(report.csv());
            } else if (options.json()) {
                Listing.json(out, report);
            } else {
                Listing.table(out, List.of("MONTH", "CURRENCY", "REVENUE", "TAX"), report.months().stream()
                        .map(m -> List.of(m.month().toString(), m.currency(),
                                Money.of(m.revenue(), m.currency()).toString(), Money.of(m.tax(), m.currency())
                                        .toString())).toList());
                report.mrr().forEach(a -> out.println("MRR " + Money.of(a.minorUnits(), a.currency())));
                report.outstanding().forEach(o -> out.println("outstanding " + o.invoices() + " invoices, "
                        + Money.of(o.minorUnits(), o.currency())));
                report.churn().forEach(c -> out.println("churn " + c.month() + ": " + c.churned() + " of "
                        + c.runningAtStart() + " (" + c.rate() / 100.0 + " %)"));
            }
            out.flush();
        }
        return 0;
    }

    private static void printPayment(PrintWriter out, PaymentRequest request) {
        Invoice invoice = request.invoice();
        out.println("invoice " + invoice.number() + " for " + invoice.draft().subscriberId() + ": "
                + invoice.draft().total() + " (tax " + invoice.draft().tax() + ")");
        out.println(request.url() != null ? "pay at " + request.url()
                : "to be paid in cash, by bank transfer or voucher; confirm with: headwater billing confirm "
                + invoice.number() + " --method cash|bank|voucher");
    }

    private static Money money(String entity, String text) {
        int colon = text.indexOf(':');
        try {
            return Money.of(Long.parseLong(text.substring(colon + 1)), text.substring(0, colon));
        } catch (RuntimeException e) {
            throw new InvalidValueException(entity, "price", "\"" + text + "\" is not CUR:MINOR such as EUR:999");
        }
    }

    private static Duration duration(String option, String text) {
        return DurationText.parse(text).orElseThrow(() -> new InvalidValueException("plan terms", option, "\"" + text
                + "\" is not " + DurationText.EXPECTED));
    }

    /** The desk as the server has it; receipts of manual payments go out before the command returns. */
    private BillingDesk desk(StoreOptions options, Database database) {
        HeadwaterConfig config = options.load(env);
        URI base = config.xtream().publicUrl().orElse(URI.create("https://localhost/"));
        notices = BillingWiring.notices(config.billing(), database, options.cipher(database, env), Clock.systemUTC());
        return BillingWiring.desk(config.billing(), base, database,
                new JdbiAuditLog(database, SecurityChainHasher.INSTANCE), notices, Clock.systemUTC());
    }

    private void flushNotices() {
        try {
            notices.drain(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notices.close();
    }
}
