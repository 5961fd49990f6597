-- Optional TOTP of subscribers for the portal login. The seed is sealed by the application's FieldCipher (field
-- subscriber_totp.seed); last_step makes each code usable once. No recovery codes for subscribers (yet).
-- Must stay equivalent to ../postgresql/V24__subscriber_totp.sql.
--
-- ON DELETE: subscriber <- subscriber_totp: CASCADE.

CREATE TABLE subscriber_totp (
    subscriber_id TEXT    NOT NULL PRIMARY KEY REFERENCES subscriber (id) ON DELETE CASCADE,
    seed          TEXT    NOT NULL,
    started_at    INTEGER NOT NULL,
    confirmed_at  INTEGER,
    last_step     INTEGER
) STRICT;
