-- Keys that playback tokens are signed with, on PostgreSQL. The secret is stored itself (an HMAC key cannot be checked
-- against a digest): protect the database and its backups like the keys. Times are unix milliseconds; retired_at is
-- when the key stops (or stopped) signing, NULL while current. Must stay equivalent to ../sqlite/V8__token_keys.sql.

CREATE TABLE token_keys (
    id         TEXT   NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 8),
    secret     BYTEA  NOT NULL CHECK (octet_length(secret) BETWEEN 16 AND 64),
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);
