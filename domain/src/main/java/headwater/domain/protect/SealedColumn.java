package headwater.domain.protect;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A database column whose values are sealed by a {@link FieldCipher}: the rotation re-seals it, and values stored
 * before it was sealed are sealed at start. The field the values are sealed for is {@code table.column}.
 *
 * @param table    the table
 * @param idColumn its single-column primary key
 * @param column   the sealed column (text; {@code NULL} allowed and left alone)
 * @param legacy   how a value stored before sealing reads as plaintext bytes
 */
public record SealedColumn(String table, String idColumn, String column, Legacy legacy) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public SealedColumn {
        Objects.requireNonNull(legacy, "legacy");
        for (String name : new String[] {table, idColumn, column}) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a sealed column names its table and columns in lower-case SQL "
                        + "identifiers, got " + name);
            }
        }
    }

    /** A column whose values before sealing were plain UTF-8 text. */
    public SealedColumn(String table, String idColumn, String column) {
        this(table, idColumn, column, Legacy.TEXT);
    }

    /** The field name values are sealed for: {@code table.column}. */
    public String field() {
        return table + "." + column;
    }

    /** How an unsealed (older) value of a column reads as the bytes to seal. */
    public enum Legacy {
        /** The text's UTF-8 bytes. */
        TEXT,
        /** {@code hex:} followed by the bytes in hexadecimal (a binary column converted to text by a migration). */
        HEX
    }
}
