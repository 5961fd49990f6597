package headwater.store.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.NotFoundException;
import headwater.domain.protect.SealedValueException;
import headwater.domain.subscriber.Contact;
import headwater.store.EachDatabase;
import headwater.store.TestCipher;
import headwater.store.TestStore;
import java.util.List;

class ContactRepositoryTest {

    private static JdbiContactRepository contacts(TestStore store) {
        return new JdbiContactRepository(store.database(), TestCipher.INSTANCE, TestStore.CLOCK);
    }

    private static List<String> storedRow(TestStore store) {
        return store.database().read(h -> h.createQuery("SELECT email, phone FROM subscriber_contact")
                .map((rs, ctx) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2))).one());
    }

    @EachDatabase
    void stores_sealed_and_reads_back_plaintext(TestStore store) {
        Customers.of(store).subscribers().create(Customers.subscriber("s1", "ada"));
        contacts(store).put("s1", new Contact("ada@example.net", "+44 20 7946 0958"));

        assertThat(contacts(store).find("s1")).isEqualTo(new Contact("ada@example.net", "+44 20 7946 0958"));
        assertThat(storedRow(store)).allMatch(v -> v.startsWith(TestCipher.PREFIX))
                .noneMatch(v -> v.contains("ada") || v.contains("7946"));
    }

    @EachDatabase
    void partial_contact_clear_and_none(TestStore store) {
        Customers.of(store).subscribers().create(Customers.subscriber("s1", "ada"));
        assertThat(contacts(store).find("s1")).isEqualTo(Contact.NONE);

        contacts(store).put("s1", new Contact(null, "555 0100"));
        assertThat(contacts(store).find("s1")).isEqualTo(new Contact(null, "555 0100"));
        assertThat(storedRow(store).getFirst()).isNull();

        contacts(store).put("s1", Contact.NONE);
        assertThat(contacts(store).find("s1")).isEqualTo(Contact.NONE);
    }

    @EachDatabase
    void unknown_subscriber_is_not_found_and_contact_goes_with_its_subscriber(TestStore store) {
        assertThatThrownBy(() -> contacts(store).put("nobody", new Contact("a@b", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contacts(store).find("nobody")).isInstanceOf(NotFoundException.class);

        Customers customers = Customers.of(store);
        customers.subscribers().create(Customers.subscriber("s1", "ada"));
        contacts(store).put("s1", new Contact("a@b", null));
        customers.subscribers().delete("s1");
        int left = store.database().read(h -> h.createQuery("SELECT count(*) FROM subscriber_contact")
                .mapTo(Integer.class).one());
        assertThat(left).isZero();
    }

    @EachDatabase
    void a_value_moved_to_the_other_column_fails_closed(TestStore store) {
        Customers.of(store).subscribers().create(Customers.subscriber("s1", "ada"));
        contacts(store).put("s1", new Contact("ada@example.net", "555 0100"));
        store.database().write(h -> h.execute("UPDATE subscriber_contact SET phone = email"));

        assertThatThrownBy(() -> contacts(store).find("s1")).isInstanceOf(SealedValueException.class);
    }
}
