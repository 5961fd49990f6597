-- AES-128 content keys of encrypted channels, on SQLite. One row per key: the channel it encrypts (a configuration
-- channel is not in the catalogue, so no foreign key), the key sealed by the field cipher ('stream_key.secret'; the
-- database never holds a key in plaintext), when it started encrypting and when the next key replaced it (NULL while
-- current). Kept while segments encrypted with it may be served (the live window, the catch-up archive's days), then
-- purged. Times are unix milliseconds. Must stay equivalent to ../postgresql/V16__stream_keys.sql.

CREATE TABLE stream_key (
    id         TEXT    NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    channel_id TEXT    NOT NULL CHECK (length(channel_id) BETWEEN 1 AND 64),
    secret     TEXT    NOT NULL CHECK (length(secret) BETWEEN 1 AND 1024),
    created_at INTEGER NOT NULL,
    retired_at INTEGER
) STRICT;

CREATE INDEX stream_key_channel ON stream_key (channel_id, created_at);

-- A catalogue channel can ask for encrypted HLS (AES-128) like a configured one (channels[].encryption).
ALTER TABLE channel ADD COLUMN encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1));
