package headwater.domain.identity;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The shared secret of an account's TOTP enrolment, as the domain holds it between the store (which keeps it sealed
 * under {@link headwater.domain.protect.FieldCipher} field {@value #FIELD}) and the code check. {@link #toString()}
 * never shows it.
 */
public final class TotpSeed {

    /** The FieldCipher field the seed is sealed for. */
    public static final String FIELD = "account.totp_seed";

    private final byte[] bytes;

    public TotpSeed(byte[] bytes) {
        if (bytes == null || bytes.length < 10 || bytes.length > 64) {
            throw new IllegalArgumentException("a TOTP seed is 10 to 64 bytes");
        }
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSeed that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TotpSeed[***]";
    }
}
