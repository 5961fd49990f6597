package headwater.api;

import headwater.domain.billing.Invoice;
import java.util.List;

/** An invoice or credit note as the API shows it; amounts as decimal strings with their currency ("12.00"). */
record InvoiceView(String number, String kind, String subscriberId, String currency, String net, String tax,
                   String total, String taxRate, List<Line> lines, String corrects, String issued, String paid) {

    record Line(String description, int quantity, String unitPrice) {
    }

    static InvoiceView of(Invoice invoice) {
        var d = invoice.draft();
        return new InvoiceView(invoice.number().toString(), d.kind().name(), d.subscriberId(), d.currency(),
                d.net().amount().toPlainString(), d.tax().amount().toPlainString(),
                d.total().amount().toPlainString(), d.taxRate().toString(),
                d.lines().stream().map(l -> new Line(l.description(), l.quantity(),
                        l.unitPrice().amount().toPlainString())).toList(), d.corrects(),
                invoice.issuedAt().toString(), invoice.paidAt() == null ? null : invoice.paidAt().toString());
    }
}
