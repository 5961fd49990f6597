package headwater.domain.billing;

/** An invoice asks for money; a credit note gives some back (a refund) and names the invoice it corrects. */
public enum InvoiceKind { INVOICE, CREDIT_NOTE }
