-- API keys of the admin API on PostgreSQL: only the SHA-256 digest of each key is stored, never the key.
-- Must stay equivalent to ../sqlite/V6__api_keys.sql.

CREATE TABLE api_key (
    name         TEXT   NOT NULL PRIMARY KEY,
    digest       TEXT   NOT NULL CHECK (length(digest) = 64),
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    CONSTRAINT api_key_digest_unique UNIQUE (digest)
);
