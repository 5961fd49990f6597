package headwater.app.protect;

import headwater.domain.protect.FieldCipher;
import headwater.domain.protect.SealedValueException;
import headwater.security.crypto.Envelope;
import headwater.security.crypto.UnsealableException;

/** The domain's {@link FieldCipher} on the AES-256-GCM {@link Envelope}. */
public record EnvelopeFieldCipher(Envelope envelope) implements FieldCipher {

    @Override
    public String seal(String field, byte[] plaintext) {
        return envelope.seal(field, plaintext);
    }

    @Override
    public byte[] open(String field, String sealed) {
        try {
            return envelope.open(field, sealed);
        } catch (UnsealableException e) {
            throw new SealedValueException(e.getMessage(), e);
        }
    }
}
