-- Per-device playlist tokens: a random secret in place of username and password in playlist and media URLs. Only
-- the SHA-256 digest of the secret is stored, never the secret. A revoked token stays (revoked_at set) so that the
-- operator sees what was cut off and when; it goes with its subscriber, or with the device it was made for.
-- Must stay equivalent to ../sqlite/V11__playlist_tokens.sql.

CREATE TABLE playlist_token (
    id            TEXT   NOT NULL PRIMARY KEY,
    subscriber_id TEXT   NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    digest        TEXT   NOT NULL CHECK (length(digest) = 64),
    device_id     TEXT   REFERENCES device (id) ON DELETE CASCADE,
    label         TEXT,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT,
    CONSTRAINT playlist_token_digest_unique UNIQUE (digest)
);

CREATE INDEX playlist_token_subscriber ON playlist_token (subscriber_id);
CREATE INDEX playlist_token_device ON playlist_token (device_id);
