package headwater.domain.subscriber;

import headwater.domain.catalog.Check;

/** What an operator says about a reseller; the credit balance changes only through credit movements. */
public record ResellerDraft(String id, String name) {

    public ResellerDraft {
        Check.id("reseller", "id", id);
        Check.text("reseller", "name", name, Check.MAX_NAME_LENGTH);
    }

    public ResellerDraft withName(String newName) {
        return new ResellerDraft(id, newName);
    }
}
