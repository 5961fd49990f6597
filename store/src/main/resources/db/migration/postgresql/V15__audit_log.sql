-- The audit log on PostgreSQL: append-only and hash-chained. Must stay equivalent to ../sqlite/V15__audit_log.sql.
--
-- hash = SHA-256(prev_hash || canonical encoding of the entry), in hex (security.audit.HashChain); seq counts from 1
-- without gaps. Appends take a transaction-scoped advisory lock, so concurrent appends (from several nodes too) keep
-- the chain linear. The triggers refuse every UPDATE, DELETE and TRUNCATE.

CREATE TABLE audit_log (
    seq         BIGINT NOT NULL PRIMARY KEY CHECK (seq >= 1),
    at          BIGINT NOT NULL,
    actor_kind  TEXT   NOT NULL,
    actor       TEXT   NOT NULL,
    address     TEXT   NOT NULL,
    action      TEXT   NOT NULL,
    target_type TEXT   NOT NULL,
    target_id   TEXT   NOT NULL,
    before      TEXT,
    after       TEXT,
    outcome     TEXT   NOT NULL,
    prev_hash   TEXT   NOT NULL CHECK (length(prev_hash) = 64),
    hash        TEXT   NOT NULL CHECK (length(hash) = 64)
);

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
