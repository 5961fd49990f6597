-- The double-entry ledger behind every balance, invoices with gap-free numbers, and vouchers.
-- Entries and postings are append-only (triggers refuse UPDATE and DELETE): a mistake is corrected by a reversing
-- entry. A reference names the cause of an entry and is unique, so that a webhook delivered twice books once.
-- ledger_balance keeps each account's running balance (debits positive) so that guards are one conditional UPDATE;
-- `headwater billing check` recomputes it from the postings. Must stay equivalent to ../sqlite/V20__ledger.sql.

CREATE TABLE ledger_entry (
    id          BIGSERIAL PRIMARY KEY,
    reference   TEXT   NOT NULL,
    at          BIGINT NOT NULL,
    description TEXT   NOT NULL,
    CONSTRAINT ledger_entry_reference_unique UNIQUE (reference)
);

CREATE TABLE ledger_posting (
    entry_id     BIGINT NOT NULL REFERENCES ledger_entry (id),
    line         INTEGER NOT NULL,
    account      TEXT   NOT NULL,
    account_type TEXT   NOT NULL,
    currency     TEXT   NOT NULL CHECK (length(currency) = 3),
    amount       BIGINT NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (entry_id, line)
);

CREATE INDEX ledger_posting_account ON ledger_posting (account, currency);

CREATE TABLE ledger_balance (
    account      TEXT   NOT NULL,
    currency     TEXT   NOT NULL,
    account_type TEXT   NOT NULL,
    balance      BIGINT NOT NULL,
    PRIMARY KEY (account, currency)
);

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE OR DELETE ON ledger_posting
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

CREATE TABLE document_sequence (
    series TEXT    NOT NULL,
    year   INTEGER NOT NULL,
    last   BIGINT  NOT NULL,
    PRIMARY KEY (series, year)
);

CREATE TABLE invoice (
    number        TEXT   NOT NULL PRIMARY KEY,
    kind          TEXT   NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    subscriber_id TEXT   NOT NULL,
    currency      TEXT   NOT NULL,
    tax_bp        INTEGER NOT NULL,
    net           BIGINT NOT NULL,
    tax           BIGINT NOT NULL,
    total         BIGINT NOT NULL,
    corrects      TEXT   REFERENCES invoice (number),
    issued_at     BIGINT NOT NULL,
    paid_at       BIGINT
);

CREATE INDEX invoice_subscriber ON invoice (subscriber_id, issued_at);

CREATE TABLE invoice_line (
    number      TEXT    NOT NULL REFERENCES invoice (number),
    line        INTEGER NOT NULL,
    description TEXT    NOT NULL,
    quantity    INTEGER NOT NULL,
    unit_price  BIGINT  NOT NULL,
    PRIMARY KEY (number, line)
);

CREATE TABLE voucher (
    code        TEXT   NOT NULL PRIMARY KEY,
    value       BIGINT NOT NULL CHECK (value > 0),
    currency    TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT,
    redeemed_by TEXT,
    redeemed_at BIGINT
);
