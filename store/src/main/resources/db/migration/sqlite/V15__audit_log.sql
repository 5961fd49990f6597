-- The audit log on SQLite: append-only and hash-chained. Must stay equivalent to ../postgresql/V15__audit_log.sql.
--
-- hash = SHA-256(prev_hash || canonical encoding of the entry), in hex (security.audit.HashChain); seq counts from 1
-- without gaps. Appends are serialised by SQLite's single writer, so the chain stays linear. The triggers refuse every
-- UPDATE and DELETE: changing or removing an entry takes dropping them first, and `headwater audit verify` names the
-- first entry where the chain then breaks (a removed tail shows against an exported head).

CREATE TABLE audit_log (
    seq         INTEGER NOT NULL PRIMARY KEY CHECK (seq >= 1),
    at          INTEGER NOT NULL,
    actor_kind  TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    address     TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target_type TEXT    NOT NULL,
    target_id   TEXT    NOT NULL,
    before      TEXT,
    after       TEXT,
    outcome     TEXT    NOT NULL,
    prev_hash   TEXT    NOT NULL CHECK (length(prev_hash) = 64),
    hash        TEXT    NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
