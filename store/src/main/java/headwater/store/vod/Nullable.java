package headwater.store.vod;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the optional columns the VOD tables share, as null when SQL NULL. */
final class Nullable {

    private Nullable() {
    }

    static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Double decimal(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static URI uri(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : URI.create(value);
    }

    static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
