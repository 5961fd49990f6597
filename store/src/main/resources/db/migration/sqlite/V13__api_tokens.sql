-- API tokens replace the single admin key: named, with a role and scopes, who made them, an optional expiry, and
-- revocation that keeps the row (revoked_at set), so the operator sees what was cut off and when. Only the SHA-256
-- digest of a token is stored, never the token. Keys made before (hw_admin_...) become ADMIN tokens with the admin
-- scope, so that scripts keep working until they are revoked. Scopes are space-separated (ApiScope texts).
-- Must stay equivalent to ../postgresql/V13__api_tokens.sql.

CREATE TABLE api_token (
    name         TEXT    NOT NULL PRIMARY KEY,
    digest       TEXT    NOT NULL CHECK (length(digest) = 64),
    role         TEXT    NOT NULL CHECK (role IN ('ADMIN', 'SUPPORT', 'RESELLER')),
    scopes       TEXT    NOT NULL CHECK (length(scopes) > 0),
    reseller_id  TEXT,
    created_by   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    expires_at   INTEGER,
    revoked_at   INTEGER,
    CONSTRAINT api_token_digest_unique UNIQUE (digest),
    CONSTRAINT api_token_reseller CHECK ((role = 'RESELLER') = (reseller_id IS NOT NULL))
) STRICT;

INSERT INTO api_token (name, digest, role, scopes, reseller_id, created_by, created_at, last_used_at)
SELECT name, digest, 'ADMIN', 'admin', NULL, 'admin-key', created_at, last_used_at FROM api_key;

DROP TABLE api_key;
