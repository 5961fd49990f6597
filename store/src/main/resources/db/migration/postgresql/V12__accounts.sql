-- Operator and reseller accounts, their recovery codes, and the web sessions of logged-in browsers (accounts and
-- subscribers). No secret is stored in the clear: passwords as Argon2id PHC strings, TOTP seeds sealed by the
-- application's FieldCipher (field account.totp_seed), recovery codes and session cookies as SHA-256 digests.
-- Must stay equivalent to ../sqlite/V12__accounts.sql.
--
-- ON DELETE: reseller <- account.reseller_id: RESTRICT (a reseller with a login cannot vanish under it);
-- account, subscriber <- recovery codes and web sessions: CASCADE.

CREATE TABLE account (
    id                  TEXT    NOT NULL PRIMARY KEY,
    username            TEXT    NOT NULL,
    username_key        TEXT    NOT NULL,
    role                TEXT    NOT NULL CHECK (role IN ('ADMIN', 'SUPPORT', 'RESELLER')),
    reseller_id         TEXT    REFERENCES reseller (id) ON DELETE RESTRICT,
    password_hash       TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    totp_seed           TEXT,
    totp_started_at     BIGINT,
    totp_confirmed_at   BIGINT,
    last_totp_step      BIGINT,
    password_changed_at BIGINT NOT NULL,
    created_at          BIGINT NOT NULL,
    CONSTRAINT account_username_unique UNIQUE (username_key),
    CHECK ((role = 'RESELLER') = (reseller_id IS NOT NULL)),
    CHECK ((totp_seed IS NULL) = (totp_started_at IS NULL))
);

CREATE INDEX account_reseller ON account (reseller_id);

CREATE TABLE account_recovery_code (
    account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    digest     TEXT NOT NULL CHECK (length(digest) = 64),
    PRIMARY KEY (account_id, digest)
);

CREATE TABLE web_session (
    id               TEXT    NOT NULL PRIMARY KEY CHECK (length(id) = 64),
    account_id       TEXT    REFERENCES account (id) ON DELETE CASCADE,
    subscriber_id    TEXT    REFERENCES subscriber (id) ON DELETE CASCADE,
    csrf_token       TEXT    NOT NULL,
    created_at       BIGINT NOT NULL,
    last_seen_at     BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    second_factor_at BIGINT,
    address          TEXT    NOT NULL,
    user_agent       TEXT,
    CHECK ((account_id IS NULL) <> (subscriber_id IS NULL))
);

CREATE INDEX web_session_account ON web_session (account_id);
CREATE INDEX web_session_subscriber ON web_session (subscriber_id);
CREATE INDEX web_session_expires ON web_session (expires_at);
