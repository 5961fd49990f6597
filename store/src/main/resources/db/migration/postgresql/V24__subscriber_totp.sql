-- Optional TOTP of subscribers for the portal login. The seed is sealed by the application's FieldCipher (field
-- subscriber_totp.seed); last_step makes each code usable once. No recovery codes for subscribers (yet).
-- Must stay equivalent to ../sqlite/V24__subscriber_totp.sql.
--
-- ON DELETE: subscriber <- subscriber_totp: CASCADE.

CREATE TABLE subscriber_totp (
    subscriber_id TEXT    NOT NULL PRIMARY KEY REFERENCES subscriber (id) ON DELETE CASCADE,
    seed          TEXT    NOT NULL,
    started_at    BIGINT NOT NULL,
    confirmed_at  BIGINT,
    last_step     BIGINT
);
