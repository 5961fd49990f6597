package headwater.api;

import java.util.Map;

/** Request bodies of the billing routes: none carries an amount to charge; unknown fields are refused. */
final class BillingBodies {

    private BillingBodies() {
    }

    /** {@code POST /billing/subscriptions}: currency optional (the plan's first). */
    record Subscribe(String subscriberId, String planId, String currency) {
    }

    /** {@code POST /billing/subscriptions/{subscriber}/plan}. */
    record PlanChange(String planId) {
    }

    /** {@code POST /billing/subscriptions/{subscriber}/cancel}: at the period's end unless {@code immediately}. */
    record Cancel(Boolean immediately) {
    }

    /** {@code POST /billing/invoices/{number}/confirm}. */
    record Confirm(String method) {
    }

    /** {@code POST /billing/invoices/{number}/refund}: the net amount to credit, in minor units. */
    record Refund(Long netMinorUnits) {
    }

    /** {@code POST /billing/vouchers}: value in minor units; valid as an ISO-8601 duration (default P365D). */
    record Vouchers(Integer count, Long value, String currency, String valid) {
    }

    /** {@code POST /billing/invoices/{number}/voucher}. */
    record VoucherCode(String code) {
    }

    /** {@code POST /billing/credits}: resellerId only for operators; a reseller buys for itself. */
    record CreditPurchase(String resellerId, Long credits) {
    }

    /** {@code POST /billing/sales}: resellerId only for operators; a reseller sells as itself. */
    record Sale(String resellerId, String subscriberId, String planId) {
    }

    /** {@code PUT /billing/plans/{id}/terms}: prices in minor units per currency. */
    record Terms(Map<String, Long> prices, String trial, String grace, Long creditPrice) {
    }
}
