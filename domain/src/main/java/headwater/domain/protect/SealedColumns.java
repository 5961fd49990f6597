package headwater.domain.protect;

import java.util.List;

/**
 * Every column sealed at rest. Adding a secret or personal column is one line here (and sealing its values through a
 * {@link FieldCipher} for {@link SealedColumn#field()}): values stored before are sealed at the next start, and
 * {@code headwater keys rotate-data} re-seals it.
 */
public final class SealedColumns {

    /** Signing keys of playback tokens (V8, made text by V14). */
    public static final SealedColumn TOKEN_KEY_SECRET = new SealedColumn("token_keys", "id", "secret",
            SealedColumn.Legacy.HEX);
    /** Subscribers' e-mail and phone (V14). */
    public static final SealedColumn SUBSCRIBER_EMAIL = new SealedColumn("subscriber_contact", "subscriber_id", "email");
    public static final SealedColumn SUBSCRIBER_PHONE = new SealedColumn("subscriber_contact", "subscriber_id", "phone");
    /** TOTP seeds of operator and reseller accounts (V12). */
    public static final SealedColumn ACCOUNT_TOTP_SEED = new SealedColumn("account", "id", "totp_seed");

    /** AES-128 content keys of encrypted channels (V16). */
    public static final SealedColumn STREAM_KEY_SECRET = new SealedColumn("stream_key", "id", "secret");

    /** TOTP seeds of subscribers (V24). */
    public static final SealedColumn SUBSCRIBER_TOTP_SEED = new SealedColumn("subscriber_totp", "subscriber_id",
            "seed");

    /** All of them, in the order they are sealed and re-sealed. */
    public static final List<SealedColumn> ALL = List.of(TOKEN_KEY_SECRET, SUBSCRIBER_EMAIL, SUBSCRIBER_PHONE,
            ACCOUNT_TOTP_SEED, STREAM_KEY_SECRET, SUBSCRIBER_TOTP_SEED);

    private SealedColumns() {
    }
}
