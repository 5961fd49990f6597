package headwater.api;

import headwater.domain.subscriber.Contact;

/**
 * A subscriber's contact details, as {@code GET|PUT /api/v1/subscribers/{id}/contact} show and take them. Stored
 * sealed; either may be null.
 */
record ContactView(String email, String phone) {

    static ContactView of(Contact contact) {
        return new ContactView(contact.email(), contact.phone());
    }

    Contact contact() {
        return new Contact(email, phone);
    }

    /** Personal data: the parts are not shown. */
    @Override
    public String toString() {
        return "ContactView[email=" + (email == null ? "none" : "***") + ", phone=" + (phone == null ? "none" : "***")
                + "]";
    }
}
