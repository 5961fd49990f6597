-- Encryption at rest on SQLite: the data keys (wrapped under the master key, which is never stored here), the
-- subscribers' contact details (sealed), and the playback-token signing keys made sealed text. Must stay equivalent
-- to ../postgresql/V14__data_keys.sql.
--
-- A sealed value is 'hw1.<data key id>.<base64url(iv || ciphertext || tag)>' (AES-256-GCM, the column as associated
-- data). Values from before this migration are sealed by the server at its next start.

CREATE TABLE data_key (
    id         TEXT    NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
    wrapped    BLOB    NOT NULL CHECK (length(wrapped) BETWEEN 28 AND 256),
    created_at INTEGER NOT NULL,
    retired_at INTEGER
) STRICT;

CREATE TABLE subscriber_contact (
    subscriber_id TEXT    NOT NULL PRIMARY KEY REFERENCES subscriber (id) ON DELETE CASCADE,
    email         TEXT    CHECK (length(email) <= 2048),
    phone         TEXT    CHECK (length(phone) <= 1024),
    updated_at    INTEGER NOT NULL
) STRICT;

-- token_keys.secret: the raw key (BLOB) becomes text, 'hex:<key>' until the server seals it at start.
CREATE TABLE token_keys_sealed (
    id         TEXT    NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 8),
    secret     TEXT    NOT NULL CHECK (length(secret) BETWEEN 1 AND 1024),
    created_at INTEGER NOT NULL,
    retired_at INTEGER
) STRICT;

INSERT INTO token_keys_sealed (id, secret, created_at, retired_at)
    SELECT id, 'hex:' || lower(hex(secret)), created_at, retired_at FROM token_keys;
DROP TABLE token_keys;
ALTER TABLE token_keys_sealed RENAME TO token_keys;
