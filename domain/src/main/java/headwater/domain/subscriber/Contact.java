package headwater.domain.subscriber;

import headwater.domain.catalog.InvalidValueException;
import java.util.regex.Pattern;

/**
 * How to reach a subscriber: personal data, stored sealed ({@code subscriber_contact}). Either part may be absent
 * ({@code null}).
 *
 * @param email an address with one {@code @}, no spaces or control characters, at most {@value #MAX_EMAIL} characters
 * @param phone digits with optional {@code +} in front and spaces, dots, dashes or parentheses between, at most
 *              {@value #MAX_PHONE} characters
 */
public record Contact(String email, String phone) {

    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 32;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]*[0-9]");

    public static final Contact NONE = new Contact(null, null);

    public Contact {
        email = blankToNull(email);
        phone = blankToNull(phone);
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            throw new InvalidValueException("contact", "email", "is not an e-mail address of at most " + MAX_EMAIL
                    + " characters");
        }
        if (phone != null && (phone.length() > MAX_PHONE || !PHONE.matcher(phone).matches())) {
            throw new InvalidValueException("contact", "phone", "is not a phone number (digits, optional + in front, "
                    + "spaces . - ( ) between) of at most " + MAX_PHONE + " characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Personal data: the parts are not shown. */
    @Override
    public String toString() {
        return "Contact[email=" + (email == null ? "none" : "***") + ", phone=" + (phone == null ? "none" : "***") + "]";
    }
}
