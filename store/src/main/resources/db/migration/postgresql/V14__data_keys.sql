-- Encryption at rest on PostgreSQL: the data keys (wrapped under the master key, which is never stored here), the
-- subscribers' contact details (sealed), and the playback-token signing keys made sealed text. Must stay equivalent
-- to ../sqlite/V14__data_keys.sql.
--
-- A sealed value is 'hw1.<data key id>.<base64url(iv || ciphertext || tag)>' (AES-256-GCM, the column as associated
-- data). Values from before this migration are sealed by the server at its next start.

CREATE TABLE data_key (
    id         TEXT   NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
    wrapped    BYTEA  NOT NULL CHECK (octet_length(wrapped) BETWEEN 28 AND 256),
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);

CREATE TABLE subscriber_contact (
    subscriber_id TEXT   NOT NULL PRIMARY KEY REFERENCES subscriber (id) ON DELETE CASCADE,
    email         TEXT   CHECK (length(email) <= 2048),
    phone         TEXT   CHECK (length(phone) <= 1024),
    updated_at    BIGINT NOT NULL
);

-- token_keys.secret: the raw key (BYTEA) becomes text, 'hex:<key>' until the server seals it at start.
ALTER TABLE token_keys DROP CONSTRAINT token_keys_secret_check;
ALTER TABLE token_keys ALTER COLUMN secret TYPE TEXT USING 'hex:' || encode(secret, 'hex');
ALTER TABLE token_keys ADD CONSTRAINT token_keys_secret_check CHECK (length(secret) BETWEEN 1 AND 1024);
