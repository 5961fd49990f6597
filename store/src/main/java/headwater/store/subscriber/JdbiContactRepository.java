package headwater.store.subscriber;

import headwater.domain.catalog.NotFoundException;
import headwater.domain.protect.FieldCipher;
import headwater.domain.protect.SealedColumn;
import headwater.domain.protect.SealedColumns;
import headwater.domain.subscriber.Contact;
import headwater.domain.subscriber.ContactRepository;
import headwater.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link ContactRepository} on a {@link Database}: table {@code subscriber_contact} (migration V14). E-mail and phone
 * are sealed by the {@link FieldCipher} before they are written and opened after they are read, so the database and
 * its dumps hold no plaintext contact detail.
 */
public final class JdbiContactRepository implements ContactRepository {

    private final Database database;
    private final FieldCipher cipher;
    private final Clock clock;

    public JdbiContactRepository(Database database, FieldCipher cipher, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Contact find(String subscriberId) {
        Optional<String[]> row = database.read(handle -> {
            requireSubscriber(handle, subscriberId);
            return handle.createQuery("SELECT email, phone FROM subscriber_contact WHERE subscriber_id = :id")
                    .bind("id", subscriberId).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .findOne();
        });
        return row.map(r -> new Contact(open(SealedColumns.SUBSCRIBER_EMAIL, r[0]),
                open(SealedColumns.SUBSCRIBER_PHONE, r[1]))).orElse(Contact.NONE);
    }

    @Override
    public void put(String subscriberId, Contact contact) {
        String email = seal(SealedColumns.SUBSCRIBER_EMAIL, contact.email());
        String phone = seal(SealedColumns.SUBSCRIBER_PHONE, contact.phone());
        database.write(handle -> {
            requireSubscriber(handle, subscriberId);
            if (email == null && phone == null) {
                return handle.createUpdate("DELETE FROM subscriber_contact WHERE subscriber_id = :id")
                        .bind("id", subscriberId).execute();
            }
            return handle.createUpdate("INSERT INTO subscriber_contact (subscriber_id, email, phone, updated_at) "
                            + "VALUES (:id, :email, :phone, :at) ON CONFLICT (subscriber_id) DO UPDATE SET "
                            + "email = excluded.email, phone = excluded.phone, updated_at = excluded.updated_at")
                    .bind("id", subscriberId).bind("email", email).bind("phone", phone)
                    .bind("at", clock.millis()).execute();
        });
    }

    private static void requireSubscriber(Handle handle, String subscriberId) {
        if (handle.createQuery("SELECT 1 FROM subscriber WHERE id = :id").bind("id", subscriberId)
                .mapTo(Integer.class).findOne().isEmpty()) {
            throw new NotFoundException("subscriber", subscriberId);
        }
    }

    private String seal(SealedColumn column, String value) {
        return value == null ? null : cipher.seal(column.field(), value.getBytes(StandardCharsets.UTF_8));
    }

    private String open(SealedColumn column, String stored) {
        return stored == null ? null : new String(cipher.open(column.field(), stored), StandardCharsets.UTF_8);
    }
}
