package headwater.domain.subscriber;

import headwater.domain.catalog.Check;

/**
 * Who a subscriber belongs to: the operator, or one reseller.
 *
 * @param resellerId the reseller's id, or null for the operator
 */
public record Owner(String resellerId) {

    public static final Owner OPERATOR = new Owner(null);

    public Owner {
        if (resellerId != null) {
            Check.id("owner", "resellerId", resellerId);
        }
    }

    public static Owner reseller(String resellerId) {
        return new Owner(Check.id("owner", "resellerId", resellerId));
    }

    public boolean isOperator() {
        return resellerId == null;
    }

    /** "operator" or "reseller r-17". */
    @Override
    public String toString() {
        return isOperator() ? "operator" : "reseller " + resellerId;
    }
}
