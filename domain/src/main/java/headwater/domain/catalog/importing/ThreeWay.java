package headwater.domain.catalog.importing;

import java.util.List;
import java.util.Objects;

/**
 * The merge of a re-import with the operator's edits, one field at a time: {@code base} is what the previous import
 * wanted, {@code current} what is stored, {@code desired} what this import wants. If the operator left the field as
 * the import set it, the import's new value is taken; if the operator changed it, the operator's value stays.
 */
final class ThreeWay {

    private final List<String> notes;

    ThreeWay(List<String> notes) {
        this.notes = notes;
    }

    <T> T merge(String field, T base, T current, T desired) {
        if (Objects.equals(current, base)) {
            return desired;
        }
        if (!Objects.equals(desired, base) && !Objects.equals(desired, current)) {
            notes.add("kept the operator's " + field);
        }
        return current;
    }
}
