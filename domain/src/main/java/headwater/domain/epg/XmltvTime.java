package headwater.domain.epg;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * XMLTV times: {@code YYYYMMDDhhmmss ±hhmm}. The DTD lets a guide drop trailing fields ({@code 200007281733},
 * {@code 2000}), and real guides write the offset as {@code +0530}, {@code +05:30}, {@code +05}, {@code Z},
 * {@code UTC} or {@code GMT}, with or without the space, or not at all; a time without offset is in the configured
 * default zone. Zone names such as {@code BST} are ambiguous and refused.
 */
public final class XmltvTime {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    private XmltvTime() {
    }

    /** The instant {@code text} names; a time without offset is read in {@code defaultZone}. */
    public static Instant parse(String text, ZoneId defaultZone) {
        String s = text.strip();
        int digits = 0;
        while (digits < s.length() && digits < 14 && isDigit(s.charAt(digits))) {
            digits++;
        }
        if (digits < 4 || digits % 2 != 0) {
            throw new DateTimeParseException("time '" + text + "' does not start with YYYY[MM[DD[hh[mm[ss]]]]]"
                    + " (found " + digits + " digits)", text, digits);
        }
        int year = number(s, 0, 4);
        int month = digits >= 6 ? number(s, 4, 6) : 1;
        int day = digits >= 8 ? number(s, 6, 8) : 1;
        int hour = digits >= 10 ? number(s, 8, 10) : 0;
        int minute = digits >= 12 ? number(s, 10, 12) : 0;
        int second = digits >= 14 ? number(s, 12, 14) : 0;
        LocalDateTime local;
        try {
            local = LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("time '" + text + "' is not a calendar time: " + e.getMessage(), text, 0,
                    e);
        }
        String zone = s.substring(digits).strip();
        Instant instant = zone.isEmpty() ? ZonedDateTime.ofLocal(local, defaultZone, null).toInstant()
                : local.toInstant(offset(zone, text, s.length() - zone.length()));
        if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
            throw new DateTimeParseException("time '" + text + "' is outside the years 0000 to 9999 in UTC", text, 0);
        }
        return instant;
    }

    /** {@code instant} (years 0000 to 9999) as {@code YYYYMMDDhhmmss +0000}, to the second. */
    public static String format(Instant instant) {
        return OUT.format(instant) + " +0000";
    }

    private static ZoneOffset offset(String zone, String text, int index) {
        String upper = zone.toUpperCase(Locale.ROOT);
        if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT") || upper.equals("UT")) {
            return ZoneOffset.UTC;
        }
        char sign = zone.charAt(0);
        if (sign != '+' && sign != '-') {
            throw new DateTimeParseException("time '" + text + "' has zone '" + zone
                    + "': only numeric offsets (+hhmm), Z, UTC and GMT are understood", text, index);
        }
        String rest = zone.substring(1).replace(":", "");
        int hours;
        int minutes;
        if (rest.length() == 2 && allDigits(rest)) {
            hours = number(rest, 0, 2);
            minutes = 0;
        } else if (rest.length() == 4 && allDigits(rest) && (zone.indexOf(':') < 0 || zone.indexOf(':') == 3)) {
            hours = number(rest, 0, 2);
            minutes = number(rest, 2, 4);
        } else {
            throw new DateTimeParseException("time '" + text + "' has offset '" + zone + "', expected ±hhmm", text,
                    index);
        }
        if (hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
            throw new DateTimeParseException("time '" + text + "' has offset '" + zone + "' beyond ±18:00", text,
                    index);
        }
        int total = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
