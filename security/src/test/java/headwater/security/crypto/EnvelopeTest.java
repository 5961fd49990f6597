package headwater.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T20:00:00Z"), ZoneOffset.UTC);
    private static final byte[] EMAIL = "ada@example.net".getBytes(StandardCharsets.UTF_8);

    private final ListedKeys stored = new ListedKeys();
    private final MasterKey master = MasterKey.generate();
    private final Envelope envelope = Envelope.open(master, stored, CLOCK);

    @Test
    void sealedValueOpensForItsFieldAndDoesNotContainThePlaintext() {
        String sealed = envelope.seal("subscriber_contact.email", EMAIL);

        assertThat(sealed).startsWith("hw1." + envelope.currentKeyId() + ".").doesNotContain("ada").matches("\\p{Graph}+");
        assertThat(envelope.open("subscriber_contact.email", sealed)).isEqualTo(EMAIL);
    }

    @Test
    void firstOpenMakesOneWrappedDataKeyThatIsNotTheKeyItself() {
        assertThat(stored.keys).hasSize(1);
        assertThat(stored.keys.getFirst().wrapped()).hasSize(Aes256Gcm.KEY_BYTES + Aes256Gcm.OVERHEAD);
        assertThat(Envelope.open(master, stored, CLOCK).currentKeyId()).isEqualTo(envelope.currentKeyId());
        assertThat(stored.keys).hasSize(1);
    }

    @Test
    void sameValueSealedTwiceDiffers() {
        String first = envelope.seal("f", EMAIL);
        String second = envelope.seal("f", EMAIL);

        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.Arrays.copyOf(SealedText.parse(first).box(), 12))
                .isNotEqualTo(java.util.Arrays.copyOf(SealedText.parse(second).box(), 12));
    }

    @Test
    void valueCopiedToAnotherFieldFailsClosed() {
        String sealed = envelope.seal("subscriber_contact.email", EMAIL);

        assertThatThrownBy(() -> envelope.open("subscriber_contact.phone", sealed))
                .isInstanceOf(UnsealableException.class).hasMessageContaining("does not open")
                .hasMessageNotContaining("ada");
    }

    @Test
    void everyAlteredByteOfIvCiphertextOrTagFailsClosed() {
        String sealed = envelope.seal("f", EMAIL);
        SealedText parsed = SealedText.parse(sealed);
        byte[] box = parsed.box();
        for (int i = 0; i < box.length; i++) {
            byte[] altered = box.clone();
            altered[i] ^= 0x01;
            String tampered = new SealedText(parsed.keyId(), altered).format();
            int index = i;
            assertThatThrownBy(() -> envelope.open("f", tampered)).as("byte %d (%s)", index,
                            index < 12 ? "IV" : index >= box.length - 16 ? "tag" : "ciphertext")
                    .isInstanceOf(UnsealableException.class);
        }
    }

    @Test
    void truncatedOrExtendedBoxFailsClosed() {
        SealedText parsed = SealedText.parse(envelope.seal("f", EMAIL));
        byte[] box = parsed.box();
        String shorter = new SealedText(parsed.keyId(), java.util.Arrays.copyOf(box, box.length - 1)).format();
        String longer = new SealedText(parsed.keyId(), java.util.Arrays.copyOf(box, box.length + 1)).format();

        assertThatThrownBy(() -> envelope.open("f", shorter)).isInstanceOf(UnsealableException.class);
        assertThatThrownBy(() -> envelope.open("f", longer)).isInstanceOf(UnsealableException.class);
    }

    @Test
    void valueUnderAnotherDataKeyIdFailsClosed() {
        SealedText parsed = SealedText.parse(envelope.seal("f", EMAIL));
        String renamed = new SealedText("someOtherId", parsed.box()).format();

        assertThatThrownBy(() -> envelope.open("f", renamed)).isInstanceOf(UnsealableException.class)
                .hasMessageContaining("not stored");
    }

    @Test
    void wrongMasterKeyFailsAtOpenNamingTheDataKey() {
        assertThatThrownBy(() -> Envelope.open(MasterKey.generate(), stored, CLOCK))
                .isInstanceOf(UnsealableException.class)
                .hasMessageContaining(stored.keys.getFirst().id()).hasMessageContaining("master key");
    }

    @Test
    void wrappedKeyMovedToAnotherIdDoesNotUnwrap() {
        WrappedKey key = stored.keys.getFirst();
        assertThatThrownBy(() -> master.unwrap("otherId", key.wrapped())).isInstanceOf(UnsealableException.class);
    }

    @Test
    void rotatedDataKeySealsWhileOldValuesStillOpen() {
        String before = envelope.seal("f", EMAIL);
        String oldId = envelope.currentKeyId();

        String newId = envelope.rotateDataKey();

        assertThat(newId).isNotEqualTo(oldId);
        assertThat(envelope.seal("f", EMAIL)).startsWith("hw1." + newId + ".");
        assertThat(envelope.open("f", before)).isEqualTo(EMAIL);
        assertThat(stored.keys).filteredOn(k -> k.id().equals(oldId)).singleElement()
                .extracting(WrappedKey::retired).isEqualTo(CLOCK.instant());
    }

    @Test
    void anotherInstanceFindsAKeyRotatedElsewhere() {
        Envelope other = Envelope.open(master, stored, CLOCK);
        other.rotateDataKey();
        String sealedElsewhere = other.seal("f", EMAIL);

        assertThat(envelope.open("f", sealedElsewhere)).isEqualTo(EMAIL);
    }

    @Test
    void rewrappedKeysOpenUnderTheNewMasterOnly() {
        String sealed = envelope.seal("f", EMAIL);
        MasterKey next = MasterKey.generate();

        ListedKeys rewrapped = new ListedKeys();
        envelope.rewrappedUnder(next).forEach(rewrapped::add);

        assertThat(Envelope.open(next, rewrapped, CLOCK).open("f", sealed)).isEqualTo(EMAIL);
        assertThatThrownBy(() -> Envelope.open(master, rewrapped, CLOCK)).isInstanceOf(UnsealableException.class);
    }

    @Test
    void masterKeyTextIsBase64OfThirtyTwoBytes() {
        MasterKey key = MasterKey.fromBase64(" " + master.toBase64() + "\n");
        assertThat(key).isEqualTo(master);
        assertThat(MasterKey.fromBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])))
                .isEqualTo(MasterKey.of(new byte[32]));
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64 !")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not base64 !");
        assertThat(master.toString()).doesNotContain(master.toBase64()).contains(master.fingerprint());
    }
}
