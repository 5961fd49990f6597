package headwater.app.protect;

import headwater.domain.protect.FieldCipher;
import headwater.domain.protect.SealedColumn;
import headwater.domain.protect.SealedColumnStore;
import headwater.domain.protect.SealedColumns;
import headwater.security.crypto.SealedText;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Brings the {@linkplain SealedColumns registered columns} in line with the cipher: {@link #sealPlaintext} seals values
 * stored before their column was sealed (at every start; a no-op once done), {@link #resealAll} opens every value and
 * seals it again under the current data key (after {@code rotate-data}).
 */
public final class ColumnSealing {

    private static final String HEX = "hex:";

    private final SealedColumnStore columns;
    private final FieldCipher cipher;
    private final List<SealedColumn> registry;

    public ColumnSealing(SealedColumnStore columns, FieldCipher cipher) {
        this(columns, cipher, SealedColumns.ALL);
    }

    ColumnSealing(SealedColumnStore columns, FieldCipher cipher, List<SealedColumn> registry) {
        this.columns = columns;
        this.cipher = cipher;
        this.registry = List.copyOf(registry);
    }

    /** Seals every value that is not sealed text yet. @return how many were sealed */
    public int sealPlaintext() {
        int sealed = 0;
        for (SealedColumn column : registry) {
            sealed += columns.rewrite(column, value -> SealedText.looksSealed(value) ? value
                    : cipher.seal(column.field(), plaintext(column, value)));
        }
        return sealed;
    }

    /**
     * Opens every sealed value and seals it again (under the current data key); seals plaintext on the way.
     *
     * @return how many values were rewritten
     * @throws headwater.domain.protect.SealedValueException a value does not open (tampered): nothing after it in its
     *                                                      page is rewritten, and the run can be repeated once fixed
     */
    public int resealAll() {
        int rewritten = 0;
        for (SealedColumn column : registry) {
            rewritten += columns.rewrite(column, value -> cipher.seal(column.field(), SealedText.looksSealed(value)
                    ? cipher.open(column.field(), value) : plaintext(column, value)));
        }
        return rewritten;
    }

    private static byte[] plaintext(SealedColumn column, String value) {
        if (column.legacy() == SealedColumn.Legacy.HEX && value.startsWith(HEX)) {
            return HexFormat.of().parseHex(value, HEX.length(), value.length());
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
