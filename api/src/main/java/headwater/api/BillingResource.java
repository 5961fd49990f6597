package headwater.api;

import headwater.api.auth.Principal;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.billing.InvoiceNumber;
import headwater.domain.billing.PlanTerms;
import headwater.domain.billing.RevenueReport;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.identity.Role;
import headwater.domain.subscriber.Money;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /api/v1/billing/...}: plan terms, subscriptions, invoices, payments (Stripe Checkout or the manual gateway),
 * reseller sales for credits, the books' check and the revenue report (JSON, or CSV with {@code format=csv}). No
 * route takes an amount to charge: prices come from the plan's terms, and a body with a field such as {@code price}
 * is refused as an unknown field.
 */
final class BillingResource {

    static final String PATH = AdminApi.BASE + "/billing";
    /** The subscriber's own billing in the portal. */
    static final String PORTAL = AdminApi.BASE + "/portal/billing";

    private final BillingControl billing;

    /** @param billing the billing desk, or null when this API has none (every route answers 404) */
    BillingResource(BillingControl billing) {
        this.billing = billing;
    }

    void mount(Routes routes) {
        Routes.Area area = routes.area(ApiScope.BILLING_READ, ApiScope.BILLING_WRITE);
        area.add(HttpMethod.GET, PATH + "/plans/:id/terms", this::terms);
        area.add(HttpMethod.PUT, PATH + "/plans/:id/terms", this::putTerms);
        area.add(HttpMethod.POST, PATH + "/subscriptions", this::subscribe);
        area.add(HttpMethod.GET, PATH + "/subscriptions/:subscriber", this::subscription);
        area.add(HttpMethod.POST, PATH + "/subscriptions/:subscriber/renewal", this::renew);
        area.add(HttpMethod.POST, PATH + "/subscriptions/:subscriber/plan", this::changePlan);
        area.add(HttpMethod.POST, PATH + "/subscriptions/:subscriber/cancel", this::cancel);
        area.add(HttpMethod.GET, PATH + "/invoices", this::invoices);
        area.add(HttpMethod.GET, PATH + "/invoices/:number", this::invoice);
        area.add(HttpMethod.POST, PATH + "/invoices/:number/checkout", this::checkout);
        area.add(HttpMethod.POST, PATH + "/invoices/:number/confirm", this::confirm);
        routes.add(HttpMethod.POST, PATH + "/invoices/:number/refund", Access.sensitive(ApiScope.BILLING_WRITE),
                this::refund);
        area.add(HttpMethod.POST, PATH + "/invoices/:number/voucher", this::payWithVoucher);
        area.add(HttpMethod.POST, PATH + "/vouchers", this::issueVouchers);
        // A sale extends one of the seller's own subscribers: resellers hold subscribers:write, not billing scopes.
        routes.add(HttpMethod.POST, PATH + "/sales", Access.to(ApiScope.SUBSCRIBERS_WRITE), this::sell);
        routes.add(HttpMethod.POST, PATH + "/credits", Access.to(ApiScope.SUBSCRIBERS_WRITE), this::buyCredits);
        area.add(HttpMethod.GET, PATH + "/check", this::check);
        area.add(HttpMethod.GET, PATH + "/report", this::report);
        routes.add(HttpMethod.GET, PORTAL + "/invoices", Access.PORTAL, this::ownInvoices);
        routes.add(HttpMethod.GET, PORTAL + "/subscription", Access.PORTAL, this::ownSubscription);
        routes.add(HttpMethod.POST, PORTAL + "/invoices/:number/checkout", Access.PORTAL, this::ownCheckout);
    }

    private BillingControl available() {
        if (billing == null) {
            throw new NotFoundException("resource", PATH);
        }
        return billing;
    }

    private static String actor(RoutingContext ctx) {
        Principal principal = ctx.get(Principal.KEY);
        return principal == null ? "api" : principal.name();
    }

    private void terms(RoutingContext ctx) {
        String plan = ctx.pathParam("id");
        Blocking.run(ctx, () -> termsView(available().terms(plan)), view -> Replies.json(ctx, 200, view));
    }

    private void putTerms(RoutingContext ctx) {
        String plan = ctx.pathParam("id");
        BillingBodies.Terms body = Json.body(ctx, BillingBodies.Terms.class, "plan terms");
        Map<String, Money> prices = new TreeMap<>();
        if (body.prices() != null) {
            body.prices().forEach((currency, minor) -> prices.put(currency, Money.of(minor == null ? 0 : minor,
                    currency)));
        }
        PlanTerms terms = new PlanTerms(plan, prices, duration("trial", body.trial()), duration("grace", body.grace()),
                body.creditPrice() == null ? 0 : body.creditPrice());
        Blocking.run(ctx, () -> termsView(available().putTerms(terms)), view -> Replies.json(ctx, 200, view));
    }

    private void subscribe(RoutingContext ctx) {
        BillingBodies.Subscribe body = Json.body(ctx, BillingBodies.Subscribe.class, "subscription");
        if (body.subscriberId() == null || body.planId() == null) {
            throw new InvalidValueException("subscription", body.subscriberId() == null ? "subscriberId" : "planId",
                    "is missing");
        }
        String actor = actor(ctx);
        Blocking.run(ctx, () -> {
            BillingControl b = available();
            String currency = body.currency() != null ? body.currency()
                    : b.terms(body.planId()).prices().keySet().iterator().next();
            return b.subscribe(body.subscriberId(), body.planId(), currency, actor).map(BillingResource::paymentView)
                    .orElseGet(() -> Map.of("trial", true, "subscription", SubscriptionView.of(
                            b.subscription(body.subscriberId()).orElseThrow())));
        }, view -> Replies.json(ctx, 201, view));
    }

    private void subscription(RoutingContext ctx) {
        String subscriber = ctx.pathParam("subscriber");
        Blocking.run(ctx, () -> SubscriptionView.of(available().subscription(subscriber)
                .orElseThrow(() -> new NotFoundException("subscription", subscriber))),
                view -> Replies.json(ctx, 200, view));
    }

    private void renew(RoutingContext ctx) {
        String subscriber = ctx.pathParam("subscriber");
        String actor = actor(ctx);
        Blocking.run(ctx, () -> paymentView(available().renew(subscriber, actor)),
                view -> Replies.json(ctx, 201, view));
    }

    private void changePlan(RoutingContext ctx) {
        String subscriber = ctx.pathParam("subscriber");
        BillingBodies.PlanChange body = Json.body(ctx, BillingBodies.PlanChange.class, "plan change");
        if (body.planId() == null) {
            throw new InvalidValueException("plan change", "planId", "is missing");
        }
        String actor = actor(ctx);
        Blocking.run(ctx, () -> {
            BillingControl b = available();
            var difference = b.changePlan(subscriber, body.planId(), actor);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("subscription", SubscriptionView.of(b.subscription(subscriber).orElseThrow()));
            view.put("difference", difference.map(InvoiceView::of).orElse(null));
            return view;
        }, view -> Replies.json(ctx, 200, view));
    }

    private void cancel(RoutingContext ctx) {
        String subscriber = ctx.pathParam("subscriber");
        BillingBodies.Cancel body = Json.body(ctx, BillingBodies.Cancel.class, "cancellation");
        String actor = actor(ctx);
        Blocking.run(ctx, () -> SubscriptionView.of(available().cancel(subscriber,
                Boolean.TRUE.equals(body.immediately()), actor)), view -> Replies.json(ctx, 200, view));
    }

    private void invoices(RoutingContext ctx) {
        QueryParameters parameters = new QueryParameters(ctx.queryParams(), Set.of("subscriber"));
        String subscriber = parameters.text("subscriber");
        parameters.check();
        Blocking.run(ctx, () -> (subscriber == null ? available().outstanding() : available().invoices(subscriber))
                .stream().map(InvoiceView::of).toList(), list -> Replies.json(ctx, 200, Map.of("items", list)));
    }

    private void invoice(RoutingContext ctx) {
        InvoiceNumber number = number(ctx);
        Blocking.run(ctx, () -> InvoiceView.of(available().invoice(number)
                .orElseThrow(() -> new NotFoundException("invoice", number.toString()))),
                view -> Replies.json(ctx, 200, view));
    }

    private void checkout(RoutingContext ctx) {
        InvoiceNumber number = number(ctx);
        Blocking.run(ctx, () -> paymentView(available().pay(number)), view -> Replies.json(ctx, 200, view));
    }

    private void confirm(RoutingContext ctx) {
        InvoiceNumber number = number(ctx);
        BillingBodies.Confirm body = Json.body(ctx, BillingBodies.Confirm.class, "payment");
        String actor = actor(ctx);
        Blocking.run(ctx, () -> {
            var applied = available().confirm(number, body.method() == null ? "" : body.method(), actor);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("invoice", InvoiceView.of(applied.invoice()));
            view.put("applied", applied.newlyPaid());
            view.put("subscription", applied.subscription() == null ? null
                    : SubscriptionView.of(applied.subscription()));
            return view;
        }, view -> Replies.json(ctx, 200, view));
    }

    private void refund(RoutingContext ctx) {
        InvoiceNumber number = number(ctx);
        BillingBodies.Refund body = Json.body(ctx, BillingBodies.Refund.class, "refund");
        if (body.netMinorUnits() == null) {
            throw new InvalidValueException("refund", "netMinorUnits", "is missing");
        }
        String actor = actor(ctx);
        Blocking.run(ctx, () -> InvoiceView.of(available().refund(number, body.netMinorUnits(), actor)),
                view -> Replies.json(ctx, 201, view));
    }

    private void issueVouchers(RoutingContext ctx) {
        BillingBodies.Vouchers body = Json.body(ctx, BillingBodies.Vouchers.class, "vouchers");
        if (body.value() == null || body.currency() == null) {
            throw new InvalidValueException("vouchers", body.value() == null ? "value" : "currency", "is missing");
        }
        Money value = Money.of(body.value(), body.currency());
        Duration valid = body.valid() == null ? Duration.ofDays(365) : duration("valid", body.valid());
        int count = body.count() == null ? 1 : body.count();
        String actor = actor(ctx);
        Blocking.run(ctx, () -> available().issueVouchers(count, value, valid, actor).stream()
                .map(v -> Map.of("code", v.display(), "value", v.value().amount().toPlainString(), "currency",
                        v.value().currency(), "expires", v.expires() == null ? "never" : v.expires().toString()))
                .toList(), list -> Replies.json(ctx, 201, Map.of("items", list)));
    }

    private void payWithVoucher(RoutingContext ctx) {
        InvoiceNumber number = number(ctx);
        BillingBodies.VoucherCode body = Json.body(ctx, BillingBodies.VoucherCode.class, "voucher");
        String actor = actor(ctx);
        Blocking.run(ctx, () -> {
            var applied = available().payWithVoucher(number, body.code() == null ? "" : body.code(), actor);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("invoice", InvoiceView.of(applied.invoice()));
            view.put("subscription", applied.subscription() == null ? null
                    : SubscriptionView.of(applied.subscription()));
            return view;
        }, view -> Replies.json(ctx, 200, view));
    }

    private static String subscriber(RoutingContext ctx) {
        String id = Caller.principal(ctx).subscriberId();
        if (id == null) {
            throw new IllegalStateException("a portal route reached without a subscriber: " + ctx.request().path());
        }
        return id;
    }

    private void ownInvoices(RoutingContext ctx) {
        String subscriber = subscriber(ctx);
        Blocking.run(ctx, () -> available().invoices(subscriber).stream().map(InvoiceView::of).toList(),
                list -> Replies.json(ctx, 200, Map.of("items", list)));
    }

    private void ownSubscription(RoutingContext ctx) {
        String subscriber = subscriber(ctx);
        Blocking.run(ctx, () -> SubscriptionView.of(available().subscription(subscriber)
                .orElseThrow(() -> new NotFoundException("subscription", subscriber))),
                view -> Replies.json(ctx, 200, view));
    }

    /** Only the subscriber's own invoice: any other number is "not found", as if it did not exist. */
    private void ownCheckout(RoutingContext ctx) {
        String subscriber = subscriber(ctx);
        InvoiceNumber number = number(ctx);
        Blocking.run(ctx, () -> {
            BillingControl b = available();
            b.invoice(number).filter(i -> i.draft().subscriberId().equals(subscriber))
                    .orElseThrow(() -> new NotFoundException("invoice", number.toString()));
            return paymentView(b.pay(number));
        }, view -> Replies.json(ctx, 200, view));
    }

    private void buyCredits(RoutingContext ctx) {
        BillingBodies.CreditPurchase body = Json.body(ctx, BillingBodies.CreditPurchase.class, "credit purchase");
        String reseller = seller(ctx, body.resellerId(), "credit purchase");
        if (reseller == null || body.credits() == null) {
            throw new InvalidValueException("credit purchase", reseller == null ? "resellerId" : "credits",
                    "is missing");
        }
        Blocking.run(ctx, () -> Map.of("gateway", "stripe", "url", available().buyCredits(reseller, body.credits())),
                view -> Replies.json(ctx, 200, view));
    }

    /** The reseller acting: a reseller acts as itself and may not name another; an operator names one. */
    private static String seller(RoutingContext ctx, String named, String entity) {
        Principal principal = ctx.get(Principal.KEY);
        if (principal != null && principal.role() == Role.RESELLER) {
            if (named != null && !named.equals(principal.resellerId())) {
                throw new InvalidValueException(entity, "resellerId",
                        "may not be set by a reseller: it acts as itself");
            }
            return principal.resellerId();
        }
        return named;
    }

    private void sell(RoutingContext ctx) {
        BillingBodies.Sale body = Json.body(ctx, BillingBodies.Sale.class, "sale");
        String reseller = seller(ctx, body.resellerId(), "sale");
        if (reseller == null || body.subscriberId() == null || body.planId() == null) {
            throw new InvalidValueException("sale", reseller == null ? "resellerId"
                    : body.subscriberId() == null ? "subscriberId" : "planId", "is missing");
        }
        Blocking.run(ctx, () -> SubscriptionView.of(available().sell(reseller, body.subscriberId(), body.planId())),
                view -> Replies.json(ctx, 201, view));
    }

    private void check(RoutingContext ctx) {
        Blocking.run(ctx, () -> available().check(), trial -> Replies.json(ctx, trial.balanced() ? 200 : 409,
                Map.of("balanced", trial.balanced(), "entries", trial.entries(), "postings", trial.postings(),
                        "totals", trial.totals(), "problems", trial.problems())));
    }

    private void report(RoutingContext ctx) {
        QueryParameters parameters = new QueryParameters(ctx.queryParams(), Set.of("from", "to", "format"));
        YearMonth to = month(parameters, "to", YearMonth.now(ZoneOffset.UTC));
        YearMonth from = month(parameters, "from", to.minusMonths(11));
        String format = parameters.text("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            parameters.error("format", "is not csv or json");
        }
        parameters.check();
        Blocking.run(ctx, () -> available().report(from, to), report -> {
            if ("csv".equals(format)) {
                ctx.response().setStatusCode(200).putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition",
                                "attachment; filename=\"revenue-" + from + "-" + to + ".csv\"")
                        .end(report.csv());
            } else {
                Replies.json(ctx, 200, reportView(report));
            }
        });
    }

    private static YearMonth month(QueryParameters parameters, String name, YearMonth fallback) {
        String text = parameters.text(name);
        if (text == null) {
            return fallback;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            parameters.error(name, "is not a month such as 2026-11");
            return fallback;
        }
    }

    private static InvoiceNumber number(RoutingContext ctx) {
        return InvoiceNumber.parse(ctx.pathParam("number"));
    }

    private static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("plan terms", field, "\"" + text
                    + "\" is not an ISO-8601 duration such as P7D or PT12H");
        }
    }

    private static Map<String, Object> reportView(RevenueReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("months", report.months().stream().map(m -> Map.of("month", m.month().toString(), "currency",
                m.currency(), "revenue", amount(m.revenue(), m.currency()), "tax", amount(m.tax(), m.currency())))
                .toList());
        view.put("mrr", report.mrr().stream().map(a -> Map.of("currency", a.currency(), "amount",
                amount(a.minorUnits(), a.currency()))).toList());
        view.put("outstanding", report.outstanding().stream().map(o -> Map.of("currency", o.currency(), "invoices",
                o.invoices(), "amount", amount(o.minorUnits(), o.currency()))).toList());
        view.put("churn", report.churn().stream().map(c -> Map.of("month", c.month().toString(), "runningAtStart",
                c.runningAtStart(), "churned", c.churned(), "ratePercent", c.rate() / 100.0)).toList());
        return view;
    }

    private static String amount(long minor, String currency) {
        return Money.of(minor, currency).amount().toPlainString();
    }

    private static Map<String, Object> termsView(PlanTerms terms) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("planId", terms.planId());
        Map<String, Long> prices = new TreeMap<>();
        terms.prices().forEach((c, m) -> prices.put(c, m.minorUnits()));
        view.put("prices", prices);
        view.put("trial", terms.trial().toString());
        view.put("grace", terms.grace().toString());
        view.put("creditPrice", terms.creditPrice());
        return view;
    }

    private static Map<String, Object> paymentView(BillingControl.Payment payment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("invoice", InvoiceView.of(payment.invoice()));
        view.put("gateway", payment.gateway());
        view.put("url", payment.url());
        return view;
    }
}
